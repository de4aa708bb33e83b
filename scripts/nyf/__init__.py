"""The site's own tools: the MkDocs plugin that wires them into a build, and one command line.

One job per module:

    project          where things are in a checkout (data/, docs/, languages/, the render cache)
    languages        the site's languages: mkdocs.yml's list plus languages/<code>.yml
    yamlfile         YAML with line numbers, checked against a JSON Schema (DataError)
    formats          numbers, percentages and dates in a language's own format (Babel)
    statistics       data/statistics.yml, checked
    hotlines         data/hotlines.yml, checked, and how a contact's numbers are shown
    charts           the SVG charts of the statistics tables
    render           the one pre-build step: everything a page shows from data/, into .cache/render/
    shortcodes       [[kind:id]] in Markdown, replaced with what render made for it
    material         the parts of Material for MkDocs this site depends on, found or refused
    search_index     one search index per language
    csp              the Content-Security-Policy of every page and the _headers file
    mkdocs_plugin    wires the above into `mkdocs build` and `mkdocs serve`
    markdown_text    front matter and code blocks, as the checks see them
    translations     are the language versions of every page in step?
    lint             Markdown lint (pymarkdownlnt with the site's own rules)
    scaffold         make new-page / make new-language
    chromium         find a Chromium for printing and for the browser tests
    static_server    a local static web server (printing, tests, bench)
    pdf              print pages to A4 PDF, reusing a print while its page is unchanged
    linkcheck        every internal link and asset of a built site exists
    build            `make build`: the site, its downloads and its headers, checked
    check            `make check`: the quick checks before proposing a change
    bench            `make bench`: build time and page weight
    cli              python -m nyf <command>
"""
