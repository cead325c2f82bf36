"""GIFT (Moodle) import and export: one small Vietnamese snippet per feature."""

from __future__ import annotations

import unicodedata

import pytest
import yaml

from hocvuso.quiz.gift import GiftSyntaxError, Imported, Skipped, dump_yaml, parse_gift, to_gift


def _parse(text: str) -> Imported:
    return parse_gift(text, title="Bài thử")


def _only(text: str) -> dict:
    imported = _parse(text)
    assert imported.skipped == []
    [question] = imported.quiz["questions"]
    return question


# ---------------------------------------------------------------- the quiz around the questions


def test_quiz_gets_title_empty_competences_and_level_1_for_the_author_to_fill_in():
    imported = parse_gift("Trời mưa thì đất ướt. {T}", title="An toàn trên mạng")
    assert imported.quiz == {
        "title": "An toàn trên mạng",
        "competences": [],
        "level": 1,
        "questions": [{"type": "true_false", "prompt": "Trời mưa thì đất ướt.", "answer": True}],
    }


def test_comments_category_lines_and_blank_lines_separate_and_vanish():
    text = (
        "// Câu hỏi về lừa đảo\n"
        "$CATEGORY: $course$/Lừa đảo\n"
        "\n"
        "// câu 1\n"
        "Tin nhắn trúng thưởng là lừa đảo. {T}\n"
        "\n\n"
        "Mật khẩu 123456 là mạnh.\n"
        "// chú thích giữa câu không cắt câu hỏi\n"
        "{F}\n"
    )
    questions = _parse(text).quiz["questions"]
    assert [q["prompt"] for q in questions] == ["Tin nhắn trúng thưởng là lừa đảo.", "Mật khẩu 123456 là mạnh."]
    assert [q["answer"] for q in questions] == [True, False]


def test_title_becomes_a_slug_id_with_vietnamese_letters_folded():
    question = _only("::Đường link lừa đảo::Bấm vào link lạ có an toàn không? {F}")
    assert question["id"] == "duong-link-lua-dao"


def test_same_title_twice_gives_distinct_ids():
    questions = _parse("::Câu::Một? {T}\n\n::Câu::Hai? {F}").quiz["questions"]
    assert [q["id"] for q in questions] == ["cau", "cau-2"]


@pytest.mark.parametrize("prefix", ["[markdown]", "[html]", "[plain]", "[moodle]"])
def test_format_prefix_is_dropped_and_text_kept(prefix):
    question = _only(f"::q::{prefix}Mã **OTP** là gì? {{=Mật khẩu dùng một lần ~Mã bưu điện}}")
    assert question["prompt"] == "Mã **OTP** là gì?"


def test_escaped_special_characters_are_plain_text():
    question = _only(r"Kí hiệu \{ \} \: \= \# \~ trong chữ? {=a\=b#c\#d ~x\~y\:z}")
    assert question["prompt"] == "Kí hiệu { } : = # ~ trong chữ?"
    assert question["options"] == [
        {"text": "a=b", "correct": True, "feedback": "c#d"},
        {"text": "x~y:z"},
    ]


def test_vietnamese_text_survives_intact_even_when_typed_decomposed():
    question = _only(unicodedata.normalize("NFD", "Đây là {=lừa đảo ~quà tặng} qua mạng."))
    assert question["prompt"] == "Đây là ___ qua mạng."
    assert question["options"][0]["text"] == "lừa đảo"  # composed (NFC), as in our own files


# ---------------------------------------------------------------- question types


def test_single_choice_with_per_answer_feedback_and_general_feedback():
    question = _only(
        "Tin nhắn báo trúng thưởng iPhone là gì? {\n"
        "  =Lừa đảo#Đúng, đừng bấm link.\n"
        "  ~Quà thật#Không có quà miễn phí.\n"
        "  ####Kẻ gian hay dùng quà để dụ.\n"
        "}"
    )
    assert question == {
        "type": "single",
        "prompt": "Tin nhắn báo trúng thưởng iPhone là gì?",
        "options": [
            {"text": "Lừa đảo", "correct": True, "feedback": "Đúng, đừng bấm link."},
            {"text": "Quà thật", "feedback": "Không có quà miễn phí."},
        ],
        "explanation": "Kẻ gian hay dùng quà để dụ.",
    }


def test_missing_word_keeps_the_prompt_with_a_blank():
    question = _only("Mặt trời mọc ở hướng {=đông ~tây}.")
    assert question["prompt"] == "Mặt trời mọc ở hướng ___."
    assert question["options"] == [{"text": "đông", "correct": True}, {"text": "tây"}]


def test_weights_make_a_multiple_choice_with_positive_weights_correct():
    question = _only(
        "Những việc nào an toàn? {~%50%Đặt mật khẩu dài ~%50%Bật xác thực hai lớp ~%-100%Chia sẻ mã OTP}"
    )
    assert question["type"] == "multiple"
    assert question["options"] == [
        {"text": "Đặt mật khẩu dài", "correct": True},
        {"text": "Bật xác thực hai lớp", "correct": True},
        {"text": "Chia sẻ mã OTP"},
    ]


def test_single_choice_with_partial_credit_keeps_only_the_100_percent_answer_correct():
    question = _only("Thủ đô? {=Hà Nội ~%50%Hà Nội cũ ~Huế}")
    assert question["type"] == "single"
    assert [o.get("correct", False) for o in question["options"]] == [True, False, False]


@pytest.mark.parametrize(
    "braces, answer",
    [("{T}", True), ("{TRUE}", True), ("{F}", False), ("{FALSE}", False)],
)
def test_true_false_spellings(braces, answer):
    assert _only(f"Nhân viên ngân hàng hỏi mã OTP. {braces}")["answer"] is answer


def test_true_false_feedback_first_is_for_a_wrong_answer_second_for_a_right_one():
    # Answer True: the wrong answer is "Sai", so the first feedback goes with feedback_false.
    true = _only("Nên bật xác thực hai lớp. {T#Sai rồi, nên bật.#Chính xác!}")
    assert (true["feedback_true"], true["feedback_false"]) == ("Chính xác!", "Sai rồi, nên bật.")
    # Answer False: the wrong answer is "Đúng", so the first feedback goes with feedback_true.
    false = _only("Ngân hàng được hỏi mã OTP. {F#Không, ngân hàng không bao giờ hỏi.#Đúng vậy.}")
    assert (false["feedback_true"], false["feedback_false"]) == ("Không, ngân hàng không bao giờ hỏi.", "Đúng vậy.")


def test_short_answer_keeps_full_credit_answers_and_catch_all_feedback():
    question = _only("Mật khẩu dùng một lần gọi tắt là gì? {=OTP =mã OTP =%50%mã =%0%*#Gợi ý: ba chữ cái.}")
    assert question == {
        "type": "short_text",
        "prompt": "Mật khẩu dùng một lần gọi tắt là gì?",
        "answers": ["OTP", "mã OTP"],
        "feedback": "Gợi ý: ba chữ cái.",
    }


def test_numeric_with_tolerance():
    question = _only("Số pi bằng bao nhiêu? {#3.14:0.01}")
    assert (question["type"], question["answer"], question["tolerance"]) == ("numeric", 3.14, 0.01)


def test_numeric_range():
    assert _only("Chọn một số từ 1 đến 5. {#1..5}")["range"] == [1, 5]


def test_numeric_with_several_answers_takes_the_full_credit_one_and_wrong_answer_feedback():
    question = _only("Chuyển khoản trên bao nhiêu triệu phải xác thực khuôn mặt? {#\n =%50%9:1 =10:0#Đúng\n ~#Xem lại bài.\n}")
    assert question == {
        "type": "numeric",
        "prompt": "Chuyển khoản trên bao nhiêu triệu phải xác thực khuôn mặt?",
        "answer": 10,
        "tolerance": 0,
        "feedback": "Xem lại bài.",
    }


def test_matching_pairs():
    question = _only("Nối biểu tượng với ý nghĩa. { =Wi-Fi -> Mạng không dây =4G -> Dữ liệu di động }")
    assert question["type"] == "matching"
    assert question["pairs"] == [
        {"left": "Wi-Fi", "right": "Mạng không dây"},
        {"left": "4G", "right": "Dữ liệu di động"},
    ]


# ---------------------------------------------------------------- what cannot be imported


def test_essay_is_skipped_with_its_line_and_the_rest_is_kept():
    imported = _parse("// đầu tệp\n\nCâu một? {T}\n\n// tự luận\nViết về mật khẩu mạnh.\n{}\n\nCâu ba? {F}\n")
    assert imported.skipped == [Skipped(6, "câu hỏi dạng tự luận (essay) chưa được hỗ trợ; đã bỏ qua")]
    assert [q["prompt"] for q in imported.quiz["questions"]] == ["Câu một?", "Câu ba?"]


def test_description_without_braces_is_skipped():
    [skipped] = _parse("Chào mừng các bác đến với bài kiểm tra.").skipped
    assert skipped.line == 1 and "mô tả" in skipped.reason


@pytest.mark.parametrize(
    "text, why",
    [
        ("Hai đáp án đúng? {=a =b ~c}", "2 phương án đúng 100%"),  # single choice, several right
        ("Không đáp án đúng? {~a ~b}", "không có phương án nào"),
        ("Chỉ một phương án? {~%100%a}", "ít nhất hai phương án"),
        ("Số gì? {#mười}", "không phải là một số"),
        ("Câu một? {T}\nCâu hai? {F}", "nhiều phần đáp án"),  # a missing blank line
    ],
)
def test_odd_questions_are_skipped_with_a_vietnamese_reason(text, why):
    [skipped] = _parse(text).skipped
    assert skipped.line == 1 and why in skipped.reason


@pytest.mark.parametrize(
    "text, line",
    [
        ("Câu một? {T}\n\nCâu hai?\n{=lừa đảo\n~quà tặng\n", 4),
        ("Câu có dấu } thừa.", 1),
        ("::Tên chưa đóng {T}", 1),
    ],
)
def test_malformed_gift_raises_a_syntax_error_with_the_line(text, line):
    with pytest.raises(GiftSyntaxError) as caught:
        _parse(text)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"dòng {line}: ")


def test_unclosed_brace_error_names_the_brace():
    with pytest.raises(GiftSyntaxError, match=r"dấu '\{' .* không có dấu '\}' đóng"):
        _parse("Câu hai? {=lừa đảo ~quà tặng")


# ---------------------------------------------------------------- export and round trip

EVERY_EXPORTABLE_TYPE = {
    "title": "Lừa đảo trên mạng",
    "competences": ["4.2"],
    "level": 1,
    "questions": [
        {
            "type": "single",
            "id": "otp-la-gi",
            "prompt": "Mã **OTP** là gì? (dùng: xác thực)",
            "options": [
                {"text": "Mật khẩu dùng một lần", "correct": True, "feedback": "Đúng vậy, chỉ dùng 1 lần."},
                {"text": "Mã bưu điện {zip}", "feedback": "Không phải #1."},
            ],
            "explanation": "OTP = One-Time Password.\nĐừng đưa cho ai.",
        },
        {
            "type": "single",
            "prompt": "Đây là ___ qua mạng.",
            "options": [{"text": "lừa đảo", "correct": True}, {"text": "quà ~ tặng"}],
        },
        {
            "type": "multiple",
            "id": "viec-an-toan",
            "prompt": "Những việc nào an toàn?",
            "options": [
                {"text": "Đặt mật khẩu dài", "correct": True},
                {"text": "Dùng chung một mật khẩu", "feedback": "Rất nguy hiểm."},
                {"text": "Bật xác thực hai lớp", "correct": True},
                {"text": "Bấm link lạ"},
            ],
        },
        {
            "type": "multiple",
            "prompt": "Ba việc đúng?",
            "options": [
                {"text": "Một", "correct": True},
                {"text": "Hai", "correct": True},
                {"text": "Ba", "correct": True},
                {"text": "Bốn"},
            ],
        },
        {
            "type": "true_false",
            "prompt": "Nhân viên ngân hàng có thể hỏi mã OTP của bạn.",
            "answer": False,
            "feedback_true": "Sai rồi: ngân hàng không bao giờ hỏi.",
            "feedback_false": "Chính xác!",
            "explanation": "Hãy gọi tổng đài.",
        },
        {"type": "true_false", "prompt": "Nên cập nhật phần mềm.", "answer": True, "feedback_true": "Đúng."},
        {"type": "true_false", "prompt": "Nên tắt khóa màn hình.", "answer": False, "feedback_true": "Không nên."},
        {
            "type": "short_text",
            "prompt": "Mật khẩu dùng một lần gọi tắt là gì?",
            "answers": ["OTP", "mã OTP"],
            "feedback": "Gợi ý: ba chữ cái.",
        },
        {
            "type": "numeric",
            "prompt": "Bao nhiêu triệu đồng?",
            "answer": 10,
            "tolerance": 0.5,
            "feedback": "Xem lại mục \"Chuyển khoản\".",
            "explanation": "Quy định 2024.",
        },
        {"type": "numeric", "prompt": "Số pi?", "answer": 3.14},
        {"type": "numeric", "prompt": "Một số từ -2 đến 2,5?", "range": [-2, 2.5]},
        {
            "type": "matching",
            "prompt": "Nối biểu tượng với ý nghĩa",
            "pairs": [{"left": "Wi-Fi", "right": "Mạng không dây"}, {"left": "4G", "right": "Dữ liệu di động"}],
            "explanation": "Xem bài 2.",
        },
    ],
}


def test_round_trip_gives_back_every_exportable_question():
    back = _parse(to_gift(EVERY_EXPORTABLE_TYPE))
    assert back.skipped == []
    assert back.quiz["questions"] == EVERY_EXPORTABLE_TYPE["questions"]


def test_export_escapes_special_characters_and_uses_ids_as_titles():
    gift = to_gift(EVERY_EXPORTABLE_TYPE)
    assert "::otp-la-gi::[markdown]Mã **OTP** là gì? (dùng\\: xác thực) {" in gift
    assert "~Mã bưu điện \\{zip\\}#Không phải \\#1." in gift
    assert "####OTP \\= One-Time Password.\\nĐừng đưa cho ai." in gift
    assert "[markdown]Đây là {=lừa đảo ~quà \\~ tặng} qua mạng." in gift  # the blank holds the braces
    assert "lừa đảo" in gift


def test_export_weights_right_options_to_100_and_wrong_ones_to_minus_100():
    gift = to_gift(EVERY_EXPORTABLE_TYPE)
    assert "~%50%Đặt mật khẩu dài" in gift and "~%-50%Bấm link lạ" in gift
    assert "~%33.33333%Một" in gift and "~%-100%Bốn" in gift


def test_export_true_false_puts_wrong_answer_feedback_first():
    gift = to_gift(EVERY_EXPORTABLE_TYPE)
    assert "{FALSE#Sai rồi\\: ngân hàng không bao giờ hỏi.#Chính xác! ####Hãy gọi tổng đài.}" in gift
    assert "Nên cập nhật phần mềm. {TRUE##Đúng.}" in gift


def test_ordering_is_reported_as_not_exportable():
    quiz = {
        "title": "Wi-Fi",
        "questions": [
            {"type": "ordering", "id": "ket-noi-wifi", "prompt": "Sắp xếp", "items": ["Mở Cài đặt", "Chạm Wi-Fi"]},
            {"type": "ordering", "prompt": "Sắp xếp các bước", "items": ["a", "b"]},
            {"type": "true_false", "prompt": "Wi-Fi công cộng luôn an toàn.", "answer": False},
        ],
    }
    gift = to_gift(quiz)
    assert '// ordering question "ket-noi-wifi" not exportable to GIFT' in gift
    assert '// ordering question "Sắp xếp các bước" not exportable to GIFT' in gift
    assert [q["type"] for q in _parse(gift).quiz["questions"]] == ["true_false"]


# ---------------------------------------------------------------- YAML


def test_dump_yaml_keeps_vietnamese_key_order_and_loads_back_the_same():
    quiz = _parse(to_gift(EVERY_EXPORTABLE_TYPE)).quiz
    text = dump_yaml(quiz)
    assert yaml.safe_load(text) == quiz
    assert text.startswith("title: Bài thử\ncompetences: []\nlevel: 1\nquestions:\n  - type: single\n")
    assert "lừa đảo" in text and "\\u" not in text
    assert "explanation: |-\n      OTP = One-Time Password.\n      Đừng đưa cho ai.\n" in text
    assert "answers: [OTP, mã OTP]" in text


def test_export_marks_prompts_as_markdown_so_leading_slashes_are_not_a_comment():
    quiz = {"title": "t", "questions": [{"type": "true_false", "prompt": "// là chú thích trong mã?", "answer": True}]}
    gift = to_gift(quiz)
    assert "[markdown]// là chú thích trong mã? {TRUE}" in gift
    assert _parse(gift).quiz["questions"] == quiz["questions"]
