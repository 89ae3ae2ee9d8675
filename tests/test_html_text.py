"""pipeline.reading.html_text: the visible text of a page, one line per block."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.reading.html_text import visible_text


def test_inline_elements_join_without_spaces():
    assert visible_text("<p>自<span>2019</span>年<span>1</span>月起</p>") == "自2019年1月起"


def test_block_elements_and_br_make_lines():
    html = "<div>一、总体要求</div><p>（一）指导思想<br>坚持创新<br/>驱动</p><h2>二、重点任务</h2><li>1.培育集群</li>"
    assert visible_text(html).split("\n") == [
        "一、总体要求",
        "（一）指导思想",
        "坚持创新",
        "驱动",
        "二、重点任务",
        "1.培育集群",
    ]


def test_blank_lines_collapse_and_no_trailing_newline():
    assert visible_text("<p>甲</p>\n\n<p> </p><div></div><br><br><p>乙</p>\n") == "甲\n乙"


def test_whitespace_collapses_like_a_browser():
    html = "<p>  Made   in\n\tChina  2025 </p>"
    assert visible_text(html) == "Made in China 2025"


def test_source_line_break_between_hanzi_vanishes():
    # CSS Text 3: a segment break between two East Asian wide characters is removed.
    assert visible_text("<p>加快发展\n    先进制造业</p>") == "加快发展先进制造业"
    assert visible_text("<p>到2025\n年</p>") == "到2025 年"


def test_table_cells_are_tab_separated_rows_are_lines():
    html = "<table><tr><th>任务</th><th>责任单位</th></tr><tr><td>培育集群</td><td>市工业和信息化局</td></tr></table>"
    assert visible_text(html) == "任务\t责任单位\n培育集群\t市工业和信息化局"


def test_unclosed_cells_and_rows_are_closed_implicitly():
    html = "<table><tr><td>甲<td>乙<tr><td>丙<td>丁</table>"
    assert visible_text(html) == "甲\t乙\n丙\t丁"


def test_entities_are_decoded_and_nbsp_kept():
    assert visible_text("<p>&lt;规划&gt; &amp; &#x4e2d;&#22269; &copy;</p>") == "<规划> & 中国 ©"
    assert visible_text("<p>&nbsp;&nbsp;缩进</p>") == "\u00a0\u00a0缩进"


def test_scripts_styles_comments_and_head_are_dropped():
    html = (
        "<html><head><title>标题栏</title><style>p{color:red}</style>"
        "<script>document.write('<p>脚本</p>')</script></head>"
        "<body><!-- 注释 --><noscript>请启用脚本</noscript><template><p>模板</p></template><p>正文</p></body></html>"
    )
    assert visible_text(html) == "正文"


def test_hidden_elements_are_dropped():
    html = (
        '<div style="display: none">隐藏</div><p hidden>也隐藏</p><p>可见</p><span style="visibility:hidden">x</span>'
    )
    assert visible_text(html) == "可见"


def test_unclosed_hidden_paragraph_ends_at_next_block():
    assert visible_text('<p style="display:none">隐藏<p>可见') == "可见"


def test_word_conditional_comments_keep_list_numbers():
    html = "<p><![if !supportLists]>1.<![endif]>培育先进制造业集群</p>"
    assert visible_text(html) == "1.培育先进制造业集群"


def test_preformatted_text_keeps_spaces_and_lines():
    assert visible_text("<pre>  甲  乙\n丙   丁\n</pre><p>x  y</p>") == "  甲  乙\n丙   丁\nx y"


def test_stray_end_tags_are_ignored():
    assert visible_text("</span></div>甲<b>乙</i>丙</b></p>丁") == "甲乙丙\n丁"


def test_deep_nesting_is_fast_and_correct():
    depth = 10_000
    html = "<div>" * depth + "到<span>2025</span>年" + "</div>" * depth
    start = time.perf_counter()
    assert visible_text(html) == "到2025年"
    assert time.perf_counter() - start < 2.0
    # unclosed, mixed nesting
    assert visible_text("<div><span><b>" * depth + "尾") == "尾"


def test_malformed_markup_degrades_gracefully():
    junk = '<p>甲<div class="a>乙</div><!DOCTYPE html [ <x> ]><![CDATA[丙]]><p <<>> 丁</p><!-- unterminated'
    out = visible_text(junk)
    assert "甲" in out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<div>",
                    "</div>",
                    "<br>",
                    "<span>",
                    "</span>",
                    "<!--",
                    "-->",
                    "<![",
                    "]]>",
                    "<!DOCTYPE",
                    "<script>",
                    "</script>",
                    "<td>",
                    "<tr>",
                    "<pre>",
                    "&",
                    "&#",
                    ";",
                    "<",
                    ">",
                    '"',
                    "'",
                    "<table>",
                    "<a href='",
                    "<style>",
                    "</style",
                    "<p hidden>",
                    "\r\n",
                ]
            ),
            st.text(alphabet="规划2025年 \n\t<>&;#x/", max_size=8),
        ),
        max_size=40,
    )
)
def test_never_raises_and_returns_clean_lines(pieces):
    out = visible_text("".join(pieces))
    assert isinstance(out, str)
    assert "\n\n" not in out
    assert out == out.strip("\n")
    assert "\x1f" not in out  # the internal cell separator never leaks
