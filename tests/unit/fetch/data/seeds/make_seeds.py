#!/usr/bin/env python3
"""Write HTML versions of the seed articles (tests/unit/fetch/data/seeds).

Each page puts the article's lines, taken verbatim from
corpora/putin-iran-2026-01-16/*.txt, into the markup of a different kind
of news site, and surrounds them with the usual chrome: navigation, a
cookie banner, share bars, advertisements, related-link boxes, scripts
and styles (also inside the article), a newsletter box, a comment
section and a footer. The lines of a .txt that are themselves page chrome
(bylines, captions, "Also Read" links, promos) become chrome here too.

test_seeds.c checks the extraction against the .txt files directly; this
script is kept only to regenerate the pages: python3 make_seeds.py
"""
import html
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "..", "..", "..", "corpora",
                      "putin-iran-2026-01-16")


def lines(name):
    with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
        return [l.rstrip("\r") for l in f.read().split("\n")]


def esc(s, entities=False):
    s = html.escape(s, quote=False).replace("\u00a0", "&nbsp;")
    if entities:
        s = (s.replace("\u2019", "&rsquo;").replace("\u201c", "&ldquo;")
             .replace("\u201d", "&rdquo;").replace("\u2014", "&#8212;"))
    return s


NAV = """<nav class="main-nav" aria-label="Main"><ul>
<li><a href="/">Latest Headlines</a></li><li><a href="/world">World</a></li>
<li><a href="/opinion">Opinion &amp; Analysis</a></li><li><a href="/login">Sign in</a></li>
</ul></nav>"""

COOKIE = """<div id="cookie-banner" class="cookie-consent">We use cookies to
improve your experience on our site, to show you personalised advertising and
to analyse our traffic. By continuing to browse, you agree to our use of
cookies.<button>Accept all cookies</button></div>"""

SHARE = """<div class="social-share"><a href="#">Share on Facebook</a>
<a href="#">Share on X</a><a href="#">Send by WhatsApp</a></div>"""

AD = """<div class="ad-slot" id="div-gpt-ad-top"><span>Advertisement</span>
<script>googletag.cmd.push(function() { googletag.display("div-gpt-ad-top"); });</script></div>"""

RELATED = """<aside class="related-articles"><h3>Related coverage</h3><ul>
<li><a href="/r1">Oil prices climb as markets weigh supply risks in the Gulf</a></li>
<li><a href="/r2">Analysis: what a mediator in Moscow could offer, and to whom</a></li>
<li><a href="/r3">Explainer: the long history of back-channel diplomacy</a></li>
</ul></aside>"""

NEWSLETTER = """<div class="newsletter-signup"><p>Get the morning briefing,
with the day's top stories and analysis, delivered to your inbox every
weekday.</p><form><input type="email" placeholder="Your email"><button>Sign
up</button></form></div>"""

COMMENTS = """<section id="comments" class="comments-area"><h2>Comments (3)</h2>
<div class="comment"><p>This is a really important development, and I hope the
talks lead to peace in the region, because ordinary people have suffered for
far too long, in every country involved.</p></div>
<div class="comment"><p>Mediation only works when both sides trust the mediator,
which is not the case here, as anyone who follows the region knows.</p></div>
<div class="comment"><p>Thanks for the clear reporting, as always.</p></div>
</section>"""

MOSTREAD = """<div class="most-read-widget"><h3>Most read</h3><ol>
<li><a href="/m1">Storm warnings issued along the coast as winds strengthen</a></li>
<li><a href="/m2">Central bank holds rates, signals caution on inflation</a></li>
</ol></div>"""

FOOTER = """<footer class="site-footer"><p>&copy; 2026 Example Media Group.
All rights reserved, including the right to reproduce this article in whole or
in part, in any form.</p><a href="/privacy">Privacy policy</a></footer>"""

HEAD_SCRIPT = """<script>window.dataLayer = window.dataLayer || [];
function track(e) { dataLayer.push({event: e, page: "article"}); }</script>
<style>.ad-slot { min-height: 250px; } .article p { margin: 0 0 1em; }</style>"""

BODY_SCRIPT = """<script>track("article_view"); var paywallMeter = 3;
document.write("<p>Injected by script, never text.</p>");</script>"""


def page_000():
    L = lines("000_6cb9a9ae1e300ea4.txt")
    title = L[0].strip()[len("date 2026-01-16 "):]
    dek = L[2]
    rest = [l for l in L[12:] if l.strip()]
    out = []
    i = 0
    while i < len(rest):
        l = rest[i]
        if l == "Video poster":  # a video player, its title next
            out.append('<div class="video-player"><div class="poster">%s'
                       '</div><div class="video-title">%s</div></div>'
                       % (esc(l), esc(rest[i + 1])))
            i += 2
            continue
        if l.startswith("This article received") or l == "Comments":
            break
        out.append("<p>%s</p>" % esc(l))
        if len(out) == 4:
            out.append(BODY_SCRIPT)
        i += 1
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>%(t)s - i24NEWS</title>
<meta property="og:title" content="%(t)s">
<meta property="og:site_name" content="i24NEWS">
<meta property="article:published_time" content="2026-01-16T14:12:00+02:00">
<meta name="author" content="i24NEWS">
<link rel="canonical" href="https://www.i24news.example/en/news/international/putin-mediate">
%(head)s</head>
<body>%(cookie)s
<header class="site-header">%(nav)s</header>
<main><article class="article">
<div class="article-header"><h1>%(t)s</h1></div>
<p class="excerpt">%(dek)s</p>
<div class="byline"><span class="author">%(a)s</span><span class="author-mobile">%(a)s</span>
<span class="reading-time">%(rt)s</span><span class="reading-time-mobile">%(rt)s</span>
<span class="sep">%(sep)s</span></div>
%(share)s
<figure><img src="/img/1.jpg" alt="File photo">
<div class="image-caption-mobile">%(cap1)s</div>
<figcaption>%(cap2)s</figcaption></figure>
<div class="article-body">
%(body)s
</div>
<div class="comments-count">%(c0)s</div><button class="show-comments">%(c1)s</button>
</article>
%(related)s
</main>%(footer)s</body></html>
""" % dict(t=esc(title), dek=esc(dek), a=esc(L[4]), rt=esc(L[6]),
           sep=esc(L[8]), cap1=esc(L[9]), cap2=esc(L[10]),
           body="\n".join(out), c0=esc(L[35]), c1=esc(L[37]),
           head=HEAD_SCRIPT, cookie=COOKIE, nav=NAV, share=SHARE,
           related=RELATED, footer=FOOTER)


def page_001():
    L = lines("001_73b993a7e7b8d6bb.txt")
    title = L[0]
    body = []
    for i, l in enumerate(L[2:]):
        if not l.strip():
            continue
        if l.startswith("Unlock premium news"):
            continue
        body.append("<p>%s</p>" % esc(l).replace("'", "&#8217;").replace(
            "&#8217;", "'"))
        if len(body) == 2:
            body.append(AD)
        if len(body) == 6:
            body.append(BODY_SCRIPT)
    return """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>%(t)s | World News Network</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "%(t)s",
 "author": [{"@type": "Organization", "name": "World News Network Staff"}],
 "publisher": {"@type": "Organization", "name": "World News Network",
   "logo": {"@type": "ImageObject", "url": "https://wnn.example/logo.png"}},
 "isAccessibleForFree": "False"}
</script>
%(head)s</head>
<body>%(nav)s
<div class="container"><div class="row">
<div class="col-main"><header class="entry-header"><h1 class="entry-title">%(t)s</h1>
<div class="entry-meta"><span class="byline">By World News Network Staff</span></div></header>
%(share)s
<div class="entry-content">
%(body)s
<div class="paywall-prompt"><p>%(promo)s</p></div>
</div>
%(newsletter)s
</div>
<div class="col-side">%(mostread)s %(related)s</div>
</div></div>
%(comments)s
%(footer)s
<div class="consent-overlay" role="dialog"><p>Your privacy matters to us, and we
ask for your consent before we store anything on your device.</p></div>
</body></html>
""" % dict(t=esc(title), body="\n".join(body), promo=esc([l for l in L if l.startswith("Unlock premium")][0]),
           head=HEAD_SCRIPT, nav=NAV, share=SHARE, newsletter=NEWSLETTER,
           mostread=MOSTREAD, related=RELATED, comments=COMMENTS,
           footer=FOOTER)


def page_002():
    L = [l for l in lines("002_7859454476ef42ed.txt") if l.strip()]
    heads = {2, 7, 12}     # the article's own subheadings
    related = {4, 10, 15}  # "read also" links between paragraphs
    body = []
    for i, l in enumerate(L):
        if i in heads:
            body.append("<h2>%s</h2>" % esc(l, True))
        elif i in related:
            body.append('<p><strong><a href="/related-%d">%s</a></strong></p>'
                        % (i, esc(l, True)))
        else:
            body.append("<p>%s</p>" % esc(l, True))
        if i == 9:
            body.append('<div class="code-block code-block-4">'
                        '<ins class="adsbygoogle" data-ad-slot="123"></ins>'
                        '<script>(adsbygoogle = window.adsbygoogle || []).push({});'
                        '</script></div>')
    title = "Putin holds separate calls with Netanyahu and Pezeshkian"
    return """<!DOCTYPE html>
<html lang="en-US"><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>%(t)s &#8211; Global Affairs Today</title>
%(head)s</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">%(nav)s</header>
<div id="content" class="site-content"><div id="primary" class="content-area">
<main id="main" class="site-main">
<article id="post-4521" class="post-4521 post type-post status-publish hentry">
<header class="entry-header"><h1 class="entry-title">%(t)s</h1>
<div class="entry-meta"><span class="posted-on">Posted on January 16</span></div></header>
<div class="entry-content">
%(body)s
</div>
<footer class="entry-footer"><span class="cat-links">Posted in World</span>
<span class="tags-links">Tagged Russia, Iran, Israel</span></footer>
</article>
<nav class="navigation post-navigation"><a href="/prev">Previous post</a></nav>
%(comments)s
</main></div>
<aside id="secondary" class="widget-area">%(mostread)s %(newsletter)s</aside>
</div>%(footer)s</div></body></html>
""" % dict(t=esc(title), body="\n".join(body), head=HEAD_SCRIPT, nav=NAV,
           comments=COMMENTS, mostread=MOSTREAD, newsletter=NEWSLETTER,
           footer=FOOTER)


def page_003():
    L = [l for l in lines("003_f44dc16e987fcf8e.txt") if l.strip()]
    L[0] = L[0].strip()[len("date 2026-01-16 "):]
    body = []
    n_also = 0
    for l in L:
        if l == "ADVERTISEMENT":
            body.append('<div class="ad-container"><span>%s</span></div>'
                        % esc(l))
        elif l.startswith("Also Read "):
            n_also += 1
            head = esc(l[len("Also Read "):])
            if n_also == 1:
                body.append('<div class="also-read"><span>Also Read</span> '
                            '<a href="/a1">%s</a></div>' % head)
            else:  # no class hint: only the link density gives it away
                body.append('<p><b>Also Read</b> <a href="/a%d">%s</a></p>'
                            % (n_also, head))
        elif l == "Western sanctions":
            body.append("<h2>%s</h2>" % esc(l))
        else:
            body.append("<p>%s</p>" % esc(l, True))
    title = "Putin is mediating in Iran situation, Kremlin says"
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>%(t)s | Economic Daily</title>
<meta property="og:title" content="%(t)s">
<meta property="og:url" content="https://economic-daily.example/world/putin-mediating-iran">
<script type="application/ld+json">{"@context":"https:\\/\\/schema.org","@graph":[
{"@type":"WebPage","name":"%(t)s"},
{"@type":"NewsArticle","headline":"%(t)s","datePublished":"2026-01-16T16:40:00+05:30",
"author":{"@type":"Organization","name":"Reuters"},
"publisher":{"@type":"Organization","name":"Economic Daily"}}]}</script>
%(head)s</head>
<body>%(cookie)s<div class="top-bar">%(nav)s</div>
<div class="page"><div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/world">World News</a></div>
<div class="story-wrap"><div class="story-meta"><span class="agency">Reuters</span>
<time datetime="2026-01-16T11:10:00Z">Updated: 16 Jan 2026</time></div>
%(share)s
<div class="story-content">
%(body)s
</div>
<div class="story-tags"><a href="/t/russia">Russia</a> <a href="/t/iran">Iran</a></div>
</div>
%(related)s %(mostread)s</div>%(footer)s</body></html>
""" % dict(t=esc(title), body="\n".join(body), head=HEAD_SCRIPT,
           cookie=COOKIE, nav=NAV, share=SHARE, related=RELATED,
           mostread=MOSTREAD, footer=FOOTER)


def page_004():
    L = [l for l in lines("004_bf693ee05da6e663.txt") if l.strip()]
    crumbs = [l[2:] for l in L[:3]]
    title, dek = L[3], L[4]
    paras, promo = L[5:-1], L[-1]
    body = "\n".join("<p>%s</p>" % esc(l) for l in paras[:4])
    body += "\n" + AD + "\n"
    body += "\n".join("<p>%s</p>" % esc(l) for l in paras[4:])
    text = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>%(t)s - by Israfan</title>
<meta property="og:site_name" content="Israfan">
<meta property="og:title" content="%(t)s">
%(head)s</head>
<body><div class="main-menu">%(nav)s</div>
<ol class="breadcrumbs"><li>%(c0)s</li><li>%(c1)s</li><li>%(c2)s</li></ol>
<div class="single-post"><div class="post-header"><h1 class="post-title">%(t)s</h1></div>
<div class="available-content"><div class="body markup">
<p class="subtitle">%(dek)s</p>
%(body)s
</div></div>
<div class="subscription-widget"><p>%(promo)s</p>
<form><input type="email"><button>Subscribe</button></form></div>
%(share)s
</div>
%(comments)s%(footer)s</body></html>
""" % dict(t=esc(title), dek=esc(dek), body=body, promo=esc(promo),
           c0=esc(crumbs[0]), c1=esc(crumbs[1]), c2=esc(crumbs[2]),
           head=HEAD_SCRIPT, nav=NAV, share=SHARE, comments=COMMENTS,
           footer=FOOTER)
    return text.encode("cp1252")


def main():
    for name, fn in (("000", page_000), ("001", page_001), ("002", page_002),
                     ("003", page_003), ("004", page_004)):
        data = fn()
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(os.path.join(HERE, name + ".html"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
