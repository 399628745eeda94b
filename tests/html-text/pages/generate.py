#!/usr/bin/env python3
"""Make html-text's labelled pages: NNN-KIND-TOPIC.html and .gold.txt.

    python3 tests/html-text/pages/generate.py      # rewrites the pages

Each page is an invented news page (texts.py, written for this project)
in one of twelve kinds of markup, with page furniture around the
article: menus, teaser lists with excerpts, comments in prose, newsletter
and cookie boxes, author bios, share rows, footers.  The gold is the
article's paragraphs, as the benchmark's annotators mark them: no
headline, byline, captions or furniture.  The output is deterministic
(seeded); the pages are committed, so a change here shows in git diff.
"""
import html
import json
import os
import random

from texts import (AUTHOR_BIO, BYLINES, CAPTIONS, COMMENTS, COOKIE, COPYRIGHT,
                   DATES, FOOTER, HEADLINES, NAV, NEWSLETTER, PROMO, SHARE,
                   TEASERS, TOPICS)

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(17)


def esc(s):
    return html.escape(s, quote=False)


def nav_links(n=None, cls=None):
    items = NAV[:n or R.randint(6, len(NAV))]
    c = ' class="%s"' % cls if cls else ""
    return "<ul%s>%s</ul>" % (c, "".join(
        '<li><a href="/%s">%s</a></li>' % (x.lower(), x) for x in items))


def teasers(k, style="div", cls="teaser"):
    out = []
    for title, text in R.sample(TEASERS, k):
        if style == "article":
            out.append('<article class="%s"><h3><a href="/t/%d">%s</a></h3><p>%s</p>'
                       '<span class="by">%s</span></article>' % (
                           cls, R.randint(100, 999), esc(title), esc(text),
                           R.choice(BYLINES)))
        else:
            out.append('<div class="%s"><a href="/t/%d">%s</a><p>%s</p>'
                       '<div>%s</div></div>' % (cls, R.randint(100, 999),
                                                esc(title), esc(text),
                                                R.choice(DATES)))
    return "\n".join(out)


def comments(cls="comments", k=None):
    k = k or R.randint(2, 5)
    items = "".join('<li><div class="who">%s</div><p>%s</p><a href="#r">Reply</a></li>' % (
        esc(u), esc(t)) for u, t in R.sample(COMMENTS, k))
    return '<section class="%s" id="%s"><h2>%d comments</h2><ol>%s</ol>' \
        '<form><textarea>Write a comment</textarea><button>Post</button></form></section>' % (
            cls, cls, k, items)


def share_row(cls="share"):
    return '<div class="%s">%s</div>' % (cls, " ".join(
        '<a href="#s">%s</a>' % s for s in SHARE))


def paras(topic, lo=4, hi=6):
    ps = TOPICS[topic][:R.randint(lo, hi)]
    return ps


def head(title, extra=""):
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<title>%s | The Harbour Gazette</title>'
            '<style>.x{display:block}</style><script>window.dataLayer=[];'
            'if (a < b) { track("<p>x</p>"); }</script>%s</head>\n' % (esc(title), extra))


def kind_semantic(topic, ps):
    body = "\n".join("<p>%s</p>" % esc(p) for p in ps)
    return head(HEADLINES[topic]) + (
        '<body><header class="site-header"><a class="logo" href="/">The Harbour Gazette</a>'
        '<nav>%s</nav><form role="search"><input name="q"><button>Search</button></form></header>\n'
        '<main><article><h1>%s</h1><p class="byline">%s</p><time>%s</time>\n%s\n%s</article>\n'
        '<aside><h2>Most read</h2>%s</aside></main>\n'
        '<footer><ul>%s</ul><p>%s</p></footer></body></html>\n') % (
            nav_links(), esc(HEADLINES[topic]), R.choice(BYLINES), R.choice(DATES),
            body, share_row(), teasers(R.randint(3, 5)),
            "".join("<li><a href='/f'>%s</a></li>" % f for f in FOOTER), esc(COPYRIGHT))


def kind_itemprop(topic, ps):
    body = "\n".join("<p>%s</p>" % esc(p) for p in ps)
    return head(HEADLINES[topic]) + (
        '<body><div class="wrap"><div class="top">%s</div>\n'
        '<div class="col-main"><div class="hdr"><h1>%s</h1><div class="meta">%s</div></div>\n'
        '<div class="newsletter-box"><p>%s</p><input type=email><button>Sign up</button></div>\n'
        '<div itemprop="articleBody" class="txt">%s</div>\n'
        '<div class="more"><h2>More from the Gazette</h2>%s</div></div>\n'
        '<div class="bottom"><p>%s</p></div></div></body></html>\n') % (
            nav_links(), esc(HEADLINES[topic]), R.choice(BYLINES), esc(NEWSLETTER),
            body, teasers(R.randint(4, 6)), esc(COPYRIGHT))


def kind_classwords(topic, ps):
    body = "\n".join("<p>%s</p>" % esc(p) for p in ps)
    content = R.choice(["entry-content", "post-body", "article-body", "story-text"])
    return head(HEADLINES[topic]) + (
        '<body><div id="page"><div id="menu">%s</div>\n'
        '<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/local">Local</a></div>\n'
        '<div class="container"><div class="%s"><h1>%s</h1>\n%s\n</div>\n'
        '<div class="author-box"><p>%s</p></div>\n'
        '<div class="sidebar"><h3>Latest</h3>%s</div>\n%s\n</div>\n'
        '<div class="cookie-banner"><p>%s</p><button>Accept</button></div>\n'
        '<div id="footer">%s</div></div></body></html>\n') % (
            nav_links(), content, esc(HEADLINES[topic]), body, esc(AUTHOR_BIO),
            teasers(R.randint(3, 5)), comments(), esc(COOKIE), esc(COPYRIGHT))


def anon():
    return "c%x" % R.randint(0x1000, 0xffff)


def kind_anonymous(topic, ps):
    body = "\n".join('<div class="%s">%s</div>' % (anon(), esc(p)) for p in ps)
    cm = "".join('<div class="%s"><div class="%s">%s</div><div class="%s">%s</div></div>' % (
        anon(), anon(), esc(u), anon(), esc(t)) for u, t in R.sample(COMMENTS, R.randint(2, 4)))
    return head(HEADLINES[topic]) + (
        '<body><div class="%s"><div class="%s">%s</div>\n'
        '<div class="%s"><div class="%s"><span>%s</span></div>\n'
        '<div class="%s">%s</div></div>\n'
        '<div class="%s">%s</div>\n'
        '<div class="%s">%s</div>\n'
        '<div class="%s">%s</div></div></body></html>\n') % (
            anon(), anon(), nav_links(), anon(), anon(), esc(HEADLINES[topic]),
            anon(), body, anon(), teasers(R.randint(4, 6), cls=anon()),
            anon(), cm, anon(), esc(COPYRIGHT))


def kind_table(topic, ps):
    if R.random() < 0.5:
        body = "\n".join("<p>%s" % esc(p) for p in ps)  # unclosed p
    else:
        body = "<br><br>\n".join(esc(p) for p in ps)
    links = "<br>".join('<a href="/%s">%s</a>' % (x.lower(), x) for x in NAV[:8])
    side = "".join("<p><a href='/t'>%s</a></p>" % esc(t) for t, _ in R.sample(TEASERS, 4))
    return head(HEADLINES[topic]) + (
        '<body bgcolor=white><table width=100%%><tr><td colspan=3><font size=5>The Harbour Gazette</font></td></tr>\n'
        '<tr><td width=150 valign=top>%s</td>\n<td valign=top><b>%s</b><br>\n%s\n</td>\n'
        '<td width=200 valign=top>%s</td></tr>\n<tr><td colspan=3><small>%s</small></td></tr></table></body></html>\n') % (
            links, esc(HEADLINES[topic]), body, side, esc(COPYRIGHT))


def kind_jsonld(topic, ps):
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": HEADLINES[topic], "articleBody": "\n\n".join(ps),
          "author": {"@type": "Person", "name": R.choice(BYLINES)[3:]}}
    return head(HEADLINES[topic], '<script type="application/ld+json">%s</script>' %
                json.dumps(ld, ensure_ascii=R.random() < 0.5)) + (
        '<body><header>%s</header><div id="root"><h1>%s</h1><p>%s</p>'
        '<div class="spinner">Loading the article&hellip;</div></div>'
        '<footer>%s</footer></body></html>\n') % (
            nav_links(), esc(HEADLINES[topic]), esc(R.choice(TEASERS)[1]), esc(COPYRIGHT))


def kind_teaser_articles(topic, ps):
    body = "\n".join("<p>%s</p>" % esc(p) for p in ps)
    return head(HEADLINES[topic]) + (
        '<body><nav>%s</nav><main><section class="top-stories">%s</section>\n'
        '<article class="story"><h1>%s</h1>%s</article>\n'
        '<section class="more-stories">%s</section></main></body></html>\n') % (
            nav_links(), teasers(3, style="article"), esc(HEADLINES[topic]), body,
            teasers(R.randint(3, 5), style="article"))


def kind_split(topic, ps):
    parts, cur = [], []
    for i, p in enumerate(ps):
        cur.append("<p>%s</p>" % esc(p))
        if i % 2 == 1 and i + 1 < len(ps):
            parts.append("<div class='text-block'>%s</div>" % "".join(cur))
            parts.append("<div class='ad-slot'><span>Advertisement</span></div>")
            cur = []
    parts.append("<div class='text-block'>%s</div>" % "".join(cur))
    return head(HEADLINES[topic]) + (
        '<body><div class="site"><div class="navbar">%s</div>\n'
        '<div class="story-wrap"><h1>%s</h1><p class="dek">%s</p>%s\n%s</div>\n'
        '<div class="related-links"><h2>Related</h2>%s</div>\n'
        '<div class="promo"><p>%s</p></div></div></body></html>\n') % (
            nav_links(), esc(HEADLINES[topic]), R.choice(DATES), "\n".join(parts),
            share_row("social-buttons"), teasers(3), esc(PROMO))


def kind_main_related(topic, ps):
    body = "\n".join("<p>%s</p>" % esc(p) for p in ps)
    return head(HEADLINES[topic]) + (
        '<body><div class="top">%s</div><main id="content"><div class="%s"><h1>%s</h1>%s</div>\n'
        '<div class="%s"><h2>You may have missed</h2>%s</div></main>\n'
        '<div class="%s">%s</div></body></html>\n') % (
            nav_links(), anon(), esc(HEADLINES[topic]), body, anon(),
            teasers(R.randint(3, 4), cls=anon()), anon(), esc(COPYRIGHT))


def kind_sloppy(topic, ps):
    def enc(p):
        return esc(p).replace("'", "&#39;").replace('"', "&quot;")
    body = "\n".join("<P CLASS=para>%s" % enc(p) for p in ps)
    return ('<HTML><HEAD><TITLE>%s</TITLE>\n<SCRIPT LANGUAGE=JavaScript>document.write("<div>");'
            '</SCRIPT></HEAD>\n<BODY><DIV ID=nav>%s</DIV>\n<!-- main story -->\n'
            '<DIV CLASS=story><H1>%s</H1>\n%s\n</DIV>\n<DIV CLASS=footer><P>%s</DIV>\n') % (
                esc(HEADLINES[topic]), nav_links().upper().replace('HREF="/', 'HREF="/'),
                esc(HEADLINES[topic]), body, esc(COPYRIGHT))


def kind_foreign(topic, ps):
    body = "\n".join("<p>%s</p>" % esc(p) for p in ps)
    words = R.choice([("kommentare", "verwandt", "werbung"),
                      ("comentarios", "relacionados", "publicidade"),
                      ("commentaires", "partage", "publicite"),
                      ("komentar", "terkait", "iklan")])
    cm = "".join('<div><b>%s</b><p>%s</p></div>' % (esc(u), esc(t))
                 for u, t in R.sample(COMMENTS, 3))
    return head(HEADLINES[topic]) + (
        '<body><div class="kopf">%s</div><div class="inhalt"><h1>%s</h1>%s</div>\n'
        '<div class="%s">%s</div>\n<div class="%s">%s</div>\n<div class="%s"><p>%s</p></div>'
        '</body></html>\n') % (
            nav_links(), esc(HEADLINES[topic]), body, words[1], teasers(4),
            words[0], cm, words[2], esc(PROMO))


def kind_figure(topic, ps):
    out = []
    for i, p in enumerate(ps):
        out.append("<p>%s</p>" % esc(p))
        if i == 1:
            out.append('<figure><img src="a.jpg" alt="photo"><figcaption>%s</figcaption></figure>'
                       % esc(R.choice(CAPTIONS)))
    return head(HEADLINES[topic]) + (
        '<body><header><nav>%s</nav></header><article><header><h1>%s</h1><p>%s</p></header>\n'
        '<div class="body">%s</div><footer>%s</footer></article>\n'
        '<section class="comments">%s</section></body></html>\n') % (
            nav_links(), esc(HEADLINES[topic]), R.choice(BYLINES), "\n".join(out),
            share_row(), comments("discussion"))


KINDS = [
    ("semantic", kind_semantic), ("itemprop", kind_itemprop),
    ("classwords", kind_classwords), ("anonymous", kind_anonymous),
    ("table", kind_table), ("jsonld", kind_jsonld),
    ("teasers", kind_teaser_articles), ("split", kind_split),
    ("mainrelated", kind_main_related), ("sloppy", kind_sloppy),
    ("foreign", kind_foreign), ("figure", kind_figure),
]


def main():
    for f in os.listdir(HERE):
        if f.endswith(".html") or f.endswith(".gold.txt"):
            os.unlink(os.path.join(HERE, f))
    n = 0
    for rnd in range(25):
        for kname, fn in KINDS:
            topic = R.choice(sorted(TOPICS))
            ps = paras(topic, 3 if kname != "anonymous" else 4, 6)
            n += 1
            base = os.path.join(HERE, "%03d-%s-%s" % (n, kname, topic))
            with open(base + ".html", "w", encoding="utf-8") as f:
                f.write(fn(topic, ps))
            with open(base + ".gold.txt", "w", encoding="utf-8") as f:
                f.write("\n\n".join(ps) + "\n")
    print(n, "pages")


if __name__ == "__main__":
    main()
