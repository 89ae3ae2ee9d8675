"""A crawl's error, login and redirect pages are quarantine rows, not documents of a dozen characters.

The rule's examples (``pipeline.reading.error_pages.EXAMPLES``) run as tests; then the pages a
data team finds in a real crawl folder go through ``decode`` (what ``polex run`` calls), and
every HTML document of the repository's real sets stays a document.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import ROOT

from pipeline.errors import IngestError
from pipeline.reading.error_pages import EXAMPLES, error_page_cue
from pipeline.reading.reader import decode

ERROR_PAGES = {
    "nginx 404": "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1><hr>"
    "<center>nginx</center></body></html>",
    "site 404": '<html><body><div class="err">抱歉，您访问的页面不存在或已被删除！</div><a href="/">返回首页</a></body></html>',
    "redirect": '<html><head><meta http-equiv="refresh" content="0;url=/x"></head><body>页面正在跳转，请稍候……</body></html>',
    "login": "<html><body><form>用户名：<input> 密码：<input> <button>登录</button></form></body></html>",
    "withdrawn": "<html><body><div>首页 &gt; 政策文件</div><p>该信息已被撤销</p></body></html>",
}


@pytest.mark.parametrize(("visible", "cue"), EXAMPLES)
def test_error_page_examples(visible, cue):
    assert error_page_cue(visible) == cue


@pytest.mark.parametrize("name", sorted(ERROR_PAGES))
def test_a_crawled_error_page_is_a_decode_error_naming_it(name):
    with pytest.raises(IngestError) as info:
        decode(ERROR_PAGES[name].encode("utf-8"), ".html")
    assert info.value.stage == "decode"
    assert "error, login or redirect page" in str(info.value)


def test_a_short_real_notice_stays_a_document():
    page = "<html><body><h1>关于2024年春节放假安排的通知</h1><p>请稍候查看具体安排。</p></body></html>"
    assert decode(page.encode("utf-8"), ".html").text.startswith("关于2024年春节放假安排的通知")


def _real_html_files() -> list[Path]:
    sets = [
        ROOT / "tests" / "fixtures" / name / "docs" for name in ("realdev", "realblind", "realmeta", "realdeadline")
    ]
    sets.append(ROOT / "tests" / "fixtures" / "workreports")
    return sorted(
        p for d in sets if d.exists() for p in d.rglob("*") if p.suffix.lower() in (".html", ".htm", ".shtml")
    )


def test_every_real_html_document_of_the_repository_is_still_read():
    files = _real_html_files()
    assert files, "the real sets hold saved web pages"
    for path in files:
        assert decode(path.read_bytes(), path.suffix).text, path  # raises IngestError if judged an error page
