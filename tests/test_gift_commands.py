"""`import-gift` / `export-gift` as authors run them: files written, never overwritten."""

from __future__ import annotations

import shutil
from dataclasses import replace

from conftest import FIXTURES

GIFT = """\
// Ngân hàng câu hỏi từ Moodle
::otp::Mã OTP là gì? {
  =Mật khẩu dùng một lần#Chính xác.
  ~Mã bưu điện#Không phải.
  ####OTP là mật khẩu dùng một lần.
}

::viet-tat::Mật khẩu dùng một lần gọi tắt là gì? {=OTP =mã OTP}

::tu-luan::Hãy kể một lần bạn gặp lừa đảo. {}

::so::Chuyển khoản trên bao nhiêu triệu đồng thì phải xác thực khuôn mặt? {#10:0}

::noi::Nối. {=Wi-Fi -> Mạng không dây =4G -> Dữ liệu di động}

Công an lấy lời khai qua Zalo. {F#Sai rồi, công an không làm vậy.#Chính xác.}
"""


def test_import_gift_writes_a_quiz_that_builds_and_reports_what_it_skipped(course, capsys, tmp_path):
    gift = tmp_path / "ngan-hang.gift"
    gift.write_text(GIFT, encoding="utf-8")
    assert course.run("import-gift", str(gift), "--competences", "4.2", "--level", "1") == 0
    out = capsys.readouterr()
    assert f"{gift}:10: câu hỏi dạng tự luận (essay)" in out.err
    assert "quizzes/ngan-hang.yml: 5 câu hỏi, bỏ qua 1 câu." in out.out
    course.lesson("co-ban/bai.md", extra="quiz: ngan-hang\n")
    assert course.run("build") == 0
    assert course.page("co-ban/bai.html").count('class="hv-q ') == 5


def test_import_gift_never_overwrites_without_force(course, capsys, tmp_path):
    gift = tmp_path / "thu.gift"
    gift.write_text(GIFT, encoding="utf-8")
    mine = course.write("quizzes/thu.yml", "title: Bài của tôi\n")
    assert course.run("import-gift", str(gift)) == 1
    assert capsys.readouterr().err.startswith("quizzes/thu.yml:1: đã có bài kiểm tra này; không ghi đè\n")
    assert mine.read_text(encoding="utf-8") == "title: Bài của tôi\n"
    assert course.run("import-gift", str(gift), "--force") == 0
    assert "Mật khẩu dùng một lần" in mine.read_text(encoding="utf-8")


def test_import_gift_syntax_error_names_the_line(course, capsys, tmp_path):
    gift = tmp_path / "hong.gift"
    gift.write_text("Câu một {=a ~b}\n\nCâu hai {=c ~d\n", encoding="utf-8")
    assert course.run("import-gift", str(gift)) == 1
    assert capsys.readouterr().err.startswith(f"{gift}:3: ")
    assert not (course.root / "quizzes" / "hong.yml").exists()


def test_export_then_import_round_trips_the_questions(course, capsys, tmp_path):
    shutil.copy(FIXTURES / "every-type-quiz.yml", course.root / "quizzes" / "thu.yml")
    out = tmp_path / "thu.gift"
    assert course.run("export-gift", "thu", "-o", str(out)) == 0
    text = out.read_text(encoding="utf-8")
    assert '// ordering question "sap-xep" not exportable to GIFT' in text
    assert course.run("import-gift", str(out), "--competences", "4.2") == 1  # thu.yml exists
    capsys.readouterr()
    copy = tmp_path / "ban-sao.gift"
    copy.write_text(text, encoding="utf-8")
    assert course.run("import-gift", str(copy), "--competences", "4.2") == 0

    from hocvuso.model.framework import load_framework
    from hocvuso.problems import Problems
    from hocvuso.quiz.model import load_quiz

    problems = Problems(course.root)
    framework = load_framework(course.root / "content" / "framework.yml", problems)
    original = load_quiz(course.root / "quizzes" / "thu.yml", framework, problems)
    again = load_quiz(course.root / "quizzes" / "ban-sao.yml", framework, problems)
    assert not problems, [p.format() for p in problems.items]
    # GIFT has no ordering questions and no units; everything else comes back the same.
    expected = [replace(q, unit=None) for q in original.questions if q.type != "ordering"]
    assert [(q.key, q.type, q.fingerprint) for q in again.questions] == \
        [(q.key, q.type, q.fingerprint) for q in expected]
