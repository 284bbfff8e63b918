"""The YAML and JSON parsers' own complaints, said in Vietnamese for the clerk who wrote the file.

PyYAML and Python's json module word a syntax error in English ("mapping values are not allowed
here", "Expecting ',' delimiter"). Each known wording has its Vietnamese sentence; one that has
none is shown after a Vietnamese head, so that the clerk still reads where and what.
"""

from __future__ import annotations

import re

#: PyYAML's problems, by a pattern of their English wording.
_YAML: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), loi)
    for pattern, loi in (
        (
            r"^mapping values are not allowed here",
            "có dấu ':' ở chỗ không được có (giá trị có "
            "dấu ':' thì đặt trong dấu nháy; hoặc thụt lề sai)",
        ),
        (r"^could not find expected ':'", "thiếu dấu ':' sau tên trường"),
        (r"^found unhashable key", "tên trường không được là một danh sách hay một nhóm trường"),
        (r"^found duplicate anchor", "neo YAML (&) được đặt hai lần"),
        (r"^found undefined alias", "bí danh YAML (*) chưa được định nghĩa"),
        (
            r"^found character '\\t' that cannot start any token",
            "có ký tự tab; YAML chỉ thụt lề bằng dấu cách",
        ),
        (r"^found a tab character", "có ký tự tab; YAML chỉ thụt lề bằng dấu cách"),
        (
            r"^found character .* that cannot start any token",
            "có ký tự không thể mở đầu một giá trị (hãy đặt giá trị trong dấu nháy)",
        ),
        (r"^found unexpected end of stream", "tệp kết thúc khi dấu nháy chưa được đóng"),
        (r"^found unknown escape character", "có ký tự thoát (\\) không hợp lệ trong dấu nháy kép"),
        (r"^expected <block end>, but found", "thụt lề không khớp với các dòng trên"),
        (r"^did not find expected key", "thụt lề không khớp với các dòng trên (thiếu tên trường)"),
        (r"^did not find expected '-' indicator", "thụt lề của danh sách không khớp (thiếu '- ')"),
        (r"^did not find expected node content", "thiếu giá trị"),
        (
            r"^did not find expected comment or line break",
            "sau giá trị còn chữ thừa (đặt cả giá trị trong dấu nháy)",
        ),
        (
            r"^did not find expected alphabetic or numeric character",
            "neo hoặc bí danh YAML (& hoặc *) không có tên",
        ),
        (r"^expected ',' or '\]', but got", "danh sách trong [ ] chưa được đóng đúng cách"),
        (r"^expected ',' or '\}', but got", "nhóm trường trong { } chưa được đóng đúng cách"),
        (r"^expected a comment or a line break", "sau giá trị còn chữ thừa"),
        (
            r"^found character that cannot start any token",
            "có ký tự không thể mở đầu một giá trị (hãy đặt giá trị trong dấu nháy)",
        ),
        (
            r"^mapping values are not allowed in this context",
            "có dấu ':' ở chỗ không được có (giá trị có dấu ':' thì đặt trong dấu nháy)",
        ),
        (
            r"^found unexpected ':'",
            "có dấu ':' ở chỗ không được có (hãy đặt giá trị trong dấu nháy)",
        ),
        (r"^mapping keys are not allowed in this context", "có tên trường ở chỗ không được có"),
        (
            r"^block sequence entries are not allowed in this context",
            "có mục danh sách '- ' ở chỗ không được có (thụt lề sai?)",
        ),
        (
            r"^did not find expected <document start>",
            "sau phần văn bản còn chữ thừa không thuộc trường nào (thụt lề sai?)",
        ),
        (r"^did not find expected ',' or '\]'", "danh sách trong [ ] chưa được đóng đúng cách"),
        (r"^did not find expected ',' or '\}'", "nhóm trường trong { } chưa được đóng đúng cách"),
        (
            r"^did not find expected whitespace or line break",
            "thiếu dấu cách hoặc xuống dòng sau ký hiệu YAML",
        ),
        (r"^could not find expected directive name", "dòng bắt đầu bằng '%' không hợp lệ"),
        (
            r"^found unexpected non-alphabetical character",
            "neo hoặc bí danh YAML (& hoặc *) có ký tự không hợp lệ",
        ),
        (r"^exceeded maximum nesting depth", "lồng sâu quá mức cho phép"),
        (
            r"^found invalid Unicode character escape code",
            "mã thoát Unicode (\\u…) không hợp lệ",
        ),
        (r"^while scanning a quoted scalar", "dấu nháy chưa được đóng"),
        (r"^while scanning a simple key", "thiếu dấu ':' sau tên trường"),
        (r"^while parsing a block mapping", "thụt lề không khớp với các dòng trên"),
        (r"^while parsing a flow", "danh sách hoặc nhóm trong [ ] hay { } chưa được đóng"),
    )
)

#: The json module's messages (its ``msg``), by their English wording.
_JSON: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), loi)
    for pattern, loi in (
        (r"^Expecting value", "thiếu giá trị ở đây"),
        (r"^Expecting ',' delimiter", "thiếu dấu ','"),
        (r"^Expecting ':' delimiter", "thiếu dấu ':'"),
        (
            r"^Expecting property name enclosed in double quotes",
            "tên trường phải đặt trong dấu nháy kép (và không có dấu ',' thừa ở cuối)",
        ),
        (r"^Unterminated string", "chuỗi chưa được đóng bằng dấu nháy kép"),
        (r"^Invalid control character", "có ký tự điều khiển trong chuỗi"),
        (r"^Invalid \\escape", "có ký tự thoát (\\) không hợp lệ"),
        (r"^Invalid \\uXXXX escape", "mã \\uXXXX không hợp lệ"),
        (r"^Extra data", "sau dữ liệu JSON còn dữ liệu thừa"),
        (r"^Illegal trailing comma", "có dấu ',' thừa ở cuối"),
    )
)


def _dich(bang: tuple[tuple[re.Pattern[str], str], ...], goc: str, ten: str) -> str:
    for pattern, loi in bang:
        if pattern.search(goc):
            return f"{ten} sai cú pháp: {loi}"
    return f"{ten} sai cú pháp ({goc})"


def cu_phap_yaml(goc: str) -> str:
    """PyYAML's problem as a Vietnamese sentence (``YAML sai cú pháp: thiếu dấu ':' …``)."""
    return _dich(_YAML, goc, "YAML")


def cu_phap_json(goc: str) -> str:
    """The json module's message as a Vietnamese sentence (``JSON sai cú pháp: thiếu …``)."""
    return _dich(_JSON, goc, "JSON")
