"""Authors' mistakes: one exact ``path:line: message`` (and hint) per problem, exit 1."""

from __future__ import annotations

import pytest

BROKEN = [
    pytest.param(
        lambda c: c.lesson("co-ban/ma-sai.md", competences='["4.2", "4.7"]'),
        "content/co-ban/ma-sai.md:3: mã năng lực '4.7' không có trong khung năng lực\n"
        "    gợi ý: các mã gần nhất: 4.4, 4.3, 4.2",
        id="unknown-competence-code-with-nearest-codes",
    ),
    pytest.param(
        lambda c: c.lesson("co-ban/bac-sai.md", level=3),
        "content/co-ban/bac-sai.md:4: bậc 3 không thuộc cấp Cơ bản của thư mục 'co-ban' (bậc 1–2)\n"
        "    gợi ý: đổi 'level' thành 1 hoặc 2, hoặc chuyển bài sang thư mục 'trung-cap'",
        id="level-outside-the-folders-tier",
    ),
    pytest.param(
        lambda c: c.write("content/co-ban/thieu-ten.md",
                          '---\ncompetences: ["4.2"]\nlevel: 1\nduration: 10\nobjectives: [Biết]\n---\nx\n'),
        "content/co-ban/thieu-ten.md:2: thiếu trường bắt buộc 'title'\n"
        "    gợi ý: thêm dòng 'title: Tên bài học'",
        id="missing-title",
    ),
    pytest.param(
        lambda c: c.write("content/co-ban/yaml-sai.md",
                          '---\ntitle: Bài\ncompetences: ["4.2"\nlevel: 1\n---\nx\n'),
        "content/co-ban/yaml-sai.md:3: lỗi cú pháp YAML trong phần đầu bài: danh sách mở bằng '[' "
        "chưa đóng bằng ']' (hoặc thiếu dấu ',' giữa các mục)\n"
        "    gợi ý: kiểm tra dấu ':', thụt đầu dòng và dấu ngoặc ở dòng này hoặc dòng trên",
        id="yaml-syntax-error-with-its-line",
    ),
    pytest.param(
        lambda c: c.write("content/co-ban/hai-cham.md",
                          "---\ntitle: Cảnh giác: lừa đảo\n---\nx\n"),
        "content/co-ban/hai-cham.md:2: lỗi cú pháp YAML trong phần đầu bài: có dấu ':' ở chỗ không "
        "được phép; nếu giá trị có dấu ':', hãy đặt nó trong ngoặc kép\n"
        "    gợi ý: kiểm tra dấu ':', thụt đầu dòng và dấu ngoặc ở dòng này hoặc dòng trên",
        id="colon-inside-an-unquoted-title",
    ),
    pytest.param(
        lambda c: c.write("content/co-ban/ngoac.md",
                          '---\ntitle: "Mật khẩu\ncompetences: ["4.2"]\nlevel: 1\n---\nx\n'),
        'content/co-ban/ngoac.md:2: lỗi cú pháp YAML trong phần đầu bài: chuỗi mở bằng dấu ngoặc kép (") ở '
        'dòng này chưa được đóng: YAML đọc tiếp các dòng dưới vào chuỗi, tới dấu " ở dòng 3\n'
        '    gợi ý: thêm dấu " ở cuối chuỗi trên dòng này; dấu " nằm giữa chuỗi thì viết là \\"',
        id="unclosed-quote-at-the-line-it-opened",
    ),
    pytest.param(
        lambda c: c.write("content/co-ban/muc-tieu.md",
                          '---\ntitle: Bài\ncompetences: ["4.2"]\nlevel: 1\nduration: 10\nobjectives:\n'
                          " - Đặt mật khẩu khó đoán\n  - Hiểu mã OTP là gì\n  - Biết phải làm gì\n---\nx\n"),
        "content/co-ban/muc-tieu.md:8: phần đầu bài: dòng này thụt vào sâu hơn dấu '-' của mục trên, nên YAML nối nó vào "
        "mục trên: hai mục thành một\n"
        "    gợi ý: cho các dấu '-' của cùng danh sách thẳng cột với nhau (cùng số dấu cách ở đầu dòng)",
        id="list-item-indented-one-space-more-merges-into-the-one-above",
    ),
    pytest.param(
        lambda c: c.write("content/co-ban/index.md", '---\ndomain_order:\n  - "5"\n  - "9"\n---\nGiới thiệu.\n'),
        "content/co-ban/index.md:4: miền năng lực '9' không có trong khung năng lực\n"
        "    gợi ý: các giá trị hợp lệ: 1, 2, 3, 4, 5, 6",
        id="tier-domain-order-with-an-unknown-domain",
    ),
    pytest.param(
        lambda c: c.lesson("co-ban/truong-la.md", extra="titel: Bài\n"),
        "content/co-ban/truong-la.md:8: trường 'titel' không được hỗ trợ\n"
        "    gợi ý: có phải ý bạn là 'title'?",
        id="unknown-front-matter-key-with-suggestion",
    ),
    pytest.param(
        lambda c: (c.lesson("co-ban/trung.md"), c.lesson("co-ban/trung.markdown")),
        "content/co-ban/trung.md:1: tệp này và content/co-ban/trung.markdown cùng tạo ra trang "
        "'co-ban/trung.html'\n"
        "    gợi ý: đổi tên một trong hai tệp",
        id="two-lessons-with-the-same-output-path",
    ),
    pytest.param(
        lambda c: c.lesson("co-ban/Mật khẩu.md"),
        "content/co-ban/Mật khẩu.md:1: tên tệp và thư mục chỉ được dùng chữ thường không dấu, chữ số "
        "và dấu '-'\n"
        "    gợi ý: đổi tên thành 'co-ban/mat-khau.md' (tên tệp trở thành địa chỉ trang web)",
        id="file-name-with-accents-and-spaces",
    ),
    pytest.param(
        lambda c: c.lesson("co-bn/bai.md"),
        "content/co-bn/bai.md:1: thư mục 'co-bn' không phải là cấp nào trong khung năng lực\n"
        "    gợi ý: có phải ý bạn là 'co-ban'?",
        id="unknown-tier-folder",
    ),
    pytest.param(
        lambda c: c.lesson("co-ban/quiz.md", extra="quiz: khong-co\n"),
        "content/co-ban/quiz.md:8: không tìm thấy bài kiểm tra 'khong-co'\n"
        "    gợi ý: tạo tệp quizzes/khong-co.yml hoặc sửa tên trong trường 'quiz'",
        id="lesson-pointing-at-a-missing-quiz",
    ),
    pytest.param(
        lambda c: c.lesson("co-ban/link.md", body="Đoạn đầu.\n\nXem [bài kia](khong-co.md).\n"),
        "content/co-ban/link.md:11: liên kết 'khong-co.md' trỏ tới tệp không có: co-ban/khong-co.md\n"
        "    gợi ý: đường dẫn tính từ thư mục của bài học này; kiểm tra tên tệp và thư mục",
        id="broken-link-in-the-body",
    ),
    pytest.param(
        lambda c: c.lesson("co-ban/anh.md", body="![Ảnh](https://example.com/a.png)\n"),
        "content/co-ban/anh.md:9: ảnh 'https://example.com/a.png' nằm trên máy chủ khác: nó sẽ không "
        "hiện khi không có mạng\n"
        "    gợi ý: tải ảnh về, đặt cạnh bài học và dẫn tới tệp đó, ví dụ ![Mô tả](anh/ten-anh.jpg)",
        id="image-from-another-host",
    ),
    pytest.param(
        lambda c: c.write("content/co-ban/mo.md", "---\ntitle: Bài\n\nNội dung\n"),
        "content/co-ban/mo.md:1: phần đầu bài mở bằng '---' nhưng không có dòng '---' đóng lại\n"
        "    gợi ý: thêm một dòng chỉ có '---' ngay sau trường cuối cùng của phần đầu bài",
        id="unclosed-front-matter",
    ),
    pytest.param(
        lambda c: c.write("content/co-ban/khong-dau.md", "# Bài\n\nChỉ có nội dung.\n"),
        "content/co-ban/khong-dau.md:1: bài học thiếu phần đầu bài (front matter)\n"
        "    gợi ý: mở đầu tệp bằng dòng '---', khai báo title, competences, level, duration, "
        "objectives, rồi đóng bằng dòng '---'",
        id="lesson-without-front-matter",
    ),
    pytest.param(
        lambda c: c.lesson("co-ban/doi-tuong.md", extra="audiences: [nguoi-dn]\n"),
        "content/co-ban/doi-tuong.md:8: đối tượng 'nguoi-dn' không có trong khung năng lực\n"
        "    gợi ý: có phải ý bạn là 'nguoi-dan'?",
        id="unknown-audience",
    ),
    pytest.param(
        lambda c: c.write("content/co-ban/phut.md",
                          '---\ntitle: Bài\ncompetences: ["4.2"]\nlevel: 1\nduration: mười lăm\n'
                          "objectives: [Biết]\n---\n"),
        "content/co-ban/phut.md:5: 'duration' phải là một số nguyên, không phải 'mười lăm'\n"
        "    gợi ý: ví dụ: 'duration: 20   # số phút'",
        id="duration-that-is-not-a-number",
    ),
    pytest.param(
        lambda c: c.write("mkdocs.yml", "site_name: Lớp\ntheme:\n  name: material\n  font:\n"
                          "    text: Roboto\nplugins: []\n"),
        "mkdocs.yml:4: phông chữ web (Google Fonts) không được dùng: trang phải chạy không cần mạng\n"
        "    gợi ý: đặt 'font: false' trong mục theme để dùng phông chữ có sẵn của máy",
        id="web-fonts-in-mkdocs-yml",
    ),
]


@pytest.mark.parametrize(("breakage", "expected"), BROKEN)
def test_check_reports_the_exact_problem_and_exits_1(course, capsys, breakage, expected):
    course.lesson("co-ban/dung.md")
    breakage(course)
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith(expected + "\n"), err
    assert "Traceback" not in err


def test_every_problem_in_every_file_is_reported_in_one_run(course, capsys):
    course.lesson("co-ban/a.md", competences='["9.9"]')
    course.lesson("co-ban/b.md", level=5)
    course.lesson("co-ban/c.md", extra="titel: x\n")
    assert course.run("check") == 1
    err = capsys.readouterr().err
    located = [line for line in err.splitlines() if line.startswith("content/")]
    assert [line.split(":")[0] + ":" + line.split(":")[1] for line in located] == [
        "content/co-ban/a.md:3", "content/co-ban/b.md:4", "content/co-ban/c.md:8",
    ]
    assert err.rstrip().endswith("3 lỗi.")


def test_an_empty_course_says_how_to_start(course, capsys):
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        "content:1: chưa có bài học nào\n"
        "    gợi ý: tạo tệp Markdown đầu tiên, ví dụ content/co-ban/bai-dau-tien.md\n"
    )


def test_a_missing_framework_file_points_at_the_line_in_mkdocs_yml(course, capsys):
    course.write("mkdocs.yml", "site_name: Lớp\nhocvuso:\n  framework: khung.yml\n")
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        "mkdocs.yml:3: không tìm thấy tệp khung năng lực 'khung.yml'\n"
    )


def test_framework_problems_are_reported_at_their_line(course, capsys):
    course.lesson("co-ban/a.md")
    framework = course.root / "content" / "framework.yml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(text.replace('code: "1.2"', 'code: "1.1"', 1), encoding="utf-8")
    line = next(n for n, t in enumerate(framework.read_text().splitlines(), 1) if 'code: "1.1"' in t)
    second = next(n for n, t in enumerate(framework.read_text().splitlines(), 1)
                  if 'code: "1.1"' in t and n > line)
    assert course.run("check") == 1
    assert capsys.readouterr().err.startswith(
        f"content/framework.yml:{second}: mã năng lực '1.1' bị khai báo hai lần\n"
    )


def test_nfd_front_matter_is_checked_as_nfc(course, capsys):
    import unicodedata

    course.lesson("co-ban/a.md", extra="audiences: [" + unicodedata.normalize("NFD", "người-dân") + "]\n")
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert unicodedata.normalize("NFC", "'người-dân'") in err


def test_a_course_version_that_is_not_text_points_at_its_line(course, capsys):
    course.lesson("co-ban/a.md")
    text = course.root.joinpath("mkdocs.yml").read_text(encoding="utf-8")
    course.write("mkdocs.yml", text.replace("hocvuso:\n", "hocvuso:\n  version: [2026, 1]\n"))
    assert course.run("check") == 1
    err = capsys.readouterr().err
    assert err.startswith("mkdocs.yml:3: 'version' phải là một đoạn chữ hoặc một số, không phải một danh sách\n")
