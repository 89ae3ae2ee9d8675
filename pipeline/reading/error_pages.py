"""HTML pages a crawler saves instead of the document: error, login and redirect pages.

A government site answers a dead link with its own 404 page (``抱歉，您访问的页面不存在``),
a protected attachment with a login form, a moved article with a ``页面正在跳转`` page.
Their visible text is a few words, so they would be published as documents of a dozen
characters with no title and no rows, and a data team would never learn that the crawl
missed the real page. ``error_page_cue(visible)`` names the cue of such a page, or None.

Only short pages are judged (``MAX_ERROR_PAGE_CHARS`` visible characters, whitespace
left out): a real document quoting ``无法访问`` or ``请登录`` is far longer than any
error page, and a page that names itself as a document (a ``关于…`` title or a 发文字号)
is never one.
"""

from __future__ import annotations

import re

# Longest visible text (whitespace left out) of a page judged as an error page: sites' error
# pages are one or two sentences and a few links; a policy text, even a short 通知, runs longer.
MAX_ERROR_PAGE_CHARS = 200

ERROR_PAGE_CUE = re.compile(
    r"\b(?:40[0134]|50[0234])\b\s*[-–—:]?\s*(?:Not Found|Forbidden|Unauthorized|Bad Request|Internal Server Error"
    r"|Bad Gateway|Service (?:Temporarily )?Unavailable|Gateway Time-?out)"
    r"|\b(?:Page|File) Not Found\b|\bAccess Denied\b"
    r"|页面(?:不存在|未找到|找不到|已删除|已被删除|已失效|无法显示|出错)|(?:您|你)(?:所)?(?:访问|请求|查找)的(?:页面|内容|文章|信息|资源)"
    r"|(?:信息|文章|内容|文件)(?:已被?删除|不存在|已过期|已下线)|(?:该|此)(?:信息|文章|页面)已被?(?:撤销|撤回|删除)"
    r"|(?:服务器|系统)(?:错误|繁忙|维护中)|访问(?:出错|被拒绝|受限)|无权(?:限)?访问|禁止访问"
    r"|页面正在跳转|正在跳转|请稍候"
    r"|请(?:先)?登录|用户名[:：]?.{0,20}密码|(?:安全|人机)验证|请(?:开启|启用)\s*JavaScript",
    re.IGNORECASE,
)
# A page that names itself as a document is not judged: a 关于…的 title or a 发文字号.
DOCUMENT_SIGN = re.compile(r"关于.{1,60}的(?:通知|意见|决定|公告|通告|批复|办法|方案|规定|报告|函)|〔\d{4}〕")

EXAMPLES: tuple[tuple[str, str | None], ...] = (
    ("404 Not Found\nnginx", "404 Not Found"),
    ("HTTP Status 403 – Forbidden", "403 – Forbidden"),
    ("Forbidden fruit", None),  # a status word alone is no error page
    ("403 Forbidden\nnginx/1.20", "403 Forbidden"),
    ("抱歉，您访问的页面不存在或已被删除！\n返回首页", "您访问的页面"),
    ("页面正在跳转，请稍候……", "页面正在跳转"),
    ("用户名：密码：登录", "用户名：密码"),
    ("该信息已被撤销", "该信息已被撤销"),
    ("系统繁忙，请稍后再试", "系统繁忙"),
    ("关于系统维护期间暂停访问的通知\n因系统维护中，页面正在跳转。", None),  # a document naming itself
    ("到2025年，全市数字经济核心产业增加值达到1000亿元。", None),
    ("市政府办公室\n联系电话：0531-1234567", None),
)


def error_page_cue(visible: str) -> str | None:
    """The words that make ``visible`` (an HTML page's visible text) an error, login or redirect
    page, or None for a page that may be a document."""
    compact = "".join(visible.split())
    if len(compact) > MAX_ERROR_PAGE_CHARS or DOCUMENT_SIGN.search(visible):
        return None
    match = ERROR_PAGE_CUE.search(visible)
    return match.group(0) if match else None
