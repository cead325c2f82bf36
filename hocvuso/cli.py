"""Command line: ``python build.py [build|serve|check]``.

Authors' mistakes end as a list of ``path:line:`` problems and exit status 1, never a
traceback; only a bug in hocvuso itself shows one (with --debug).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .pipeline import build_site, check_course
from .problems import CourseError
from .console import Progress, Silent
from .source.settings import load_settings
from .output.weight import report as weight_report


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command = args.command or "build"
    for name, default in (("handouts", False), ("paper", "A4"), ("site_dir", None)):
        if not hasattr(args, name):
            setattr(args, name, default)
    config_file = Path(args.config)
    try:
        if command == "check":
            checked = check_course(config_file)
            lessons = len(checked.course.lessons)
            print(f"Không có lỗi: {lessons} bài học, {len(checked.pages)} trang.")
        elif command == "usb":
            from .commands.usb import build_usb

            usb = build_usb(config_file, Path(args.out) if args.out else None, progress=_progress())
            print(f"Đã dựng {usb.built.pages} trang vào {_shown(usb.folder)}/ và {_shown(usb.archive)} "
                  f"({usb.archive_bytes / 1024 / 1024:.1f} MB). Chép thư mục hoặc tệp .zip sang USB; "
                  "mở tệp MO-KHOA-HOC.html để học, không cần mạng.")
        elif command == "coverage":
            return _coverage(config_file)
        elif command == "import-gift":
            _import_gift(args, config_file)
        elif command == "export-gift":
            from .commands.gift import export_gift

            written = export_gift(load_settings(config_file), args.quiz, Path(args.output) if args.output else None,
                                  force=args.force)
            print(f"Đã ghi {_shown(written)}.")
        elif command == "serve":
            from .commands.serve import serve  # the live-reload server is only needed here

            serve(config_file, host=args.host, port=args.port)
        else:  # build, handouts
            progress = _progress()
            paper = args.paper if command == "handouts" or args.handouts else None
            built = build_site(config_file, site_dir=Path(args.site_dir) if args.site_dir else None,
                               progress=progress, handouts=paper)
            where = _shown(built.site_dir)
            print(f"Đã dựng {built.pages} trang ({built.lessons} bài học) vào {where}/ "
                  f"trong {built.seconds:.1f} giây. Bộ chấm bài kiểm tra: "
                  f"{built.engine_brotli / 1024:.1f} KB (nén brotli).")
            print(weight_report(built.weights, built.budgets))
            if built.audio:
                print(built.audio)
    except CourseError as error:
        print(error, file=sys.stderr)
        count = len(error.problems)
        print(f"\n{count} lỗi. Chưa dựng trang nào; thư mục trang web cũ (nếu có) được giữ nguyên."
              if command in ("build", "handouts") else f"\n{count} lỗi.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug in hocvuso, not in the author's files
        if args.debug:
            raise
        print(f"Lỗi không mong đợi trong hocvuso: {error!r}\n"
              "Chạy lại với --debug để xem chi tiết, và báo lỗi cho nhóm phát triển.", file=sys.stderr)
        return 2
    return 0


def _progress() -> Progress:
    # Stage lines help someone watching a terminal; in a log or a pipe they would only be
    # mixed into the list of problems.
    return Progress() if sys.stderr.isatty() else Silent()


def _coverage(config_file: Path) -> int:
    from .model.coverage import claimed_competences, format_report, gaps, measure
    from .problems import Problems

    checked = check_course(config_file)
    problems = Problems(checked.settings.project_dir)
    claims = claimed_competences(checked.settings, checked.course, problems)
    problems.raise_if_any()
    report = measure(checked.course, claims)
    print(format_report(report, checked.course.framework))
    missing = gaps(report)
    for gap in missing:
        print(gap, file=sys.stderr)
    if missing:
        print(f"\n{len(missing)} năng lực chưa đủ: mỗi năng lực cần ít nhất một bài học và 5 câu hỏi.",
              file=sys.stderr)
        return 1
    return 0


def _import_gift(args, config_file: Path) -> None:
    from .commands.gift import import_gift

    settings = load_settings(config_file)
    result = import_gift(settings, Path(args.file), force=args.force,
                         competences=args.competences, level=args.level)
    for item in result.skipped:
        print(f"{args.file}:{item.line}: {item.reason}", file=sys.stderr)
    print(f"Đã ghi {_shown(result.written)}: {result.questions} câu hỏi"
          + (f", bỏ qua {len(result.skipped)} câu." if result.skipped else "."))
    if not args.competences:
        print("Việc còn lại: điền 'competences' (mã năng lực) và kiểm tra 'level' trong tệp vừa ghi, "
              "rồi chạy 'python build.py check'.")


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def _common(defaults: bool) -> argparse.ArgumentParser:
    # Options accepted before and after the command; after it they must not reset
    # what was given before it ("-f x.yml check"), hence SUPPRESS in subcommands.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-f", "--config", default="mkdocs.yml" if defaults else argparse.SUPPRESS,
                        metavar="FILE", help="tệp cấu hình của khóa học (mặc định: mkdocs.yml)")
    common.add_argument("--debug", action="store_true", default=False if defaults else argparse.SUPPRESS,
                        help="hiện chi tiết khi hocvuso gặp lỗi nội bộ")
    return common


def _parser() -> argparse.ArgumentParser:
    common = _common(defaults=False)
    parser = argparse.ArgumentParser(
        prog="python build.py", parents=[_common(defaults=True)],
        description="Dựng khóa học hocvuso thành trang web tĩnh. Không ghi lệnh thì là 'build'.",
    )
    parser.add_argument("--version", action="version", version=f"hocvuso {__version__}")
    parser.add_argument("--site-dir", metavar="DIR", help="thư mục ghi trang web (mặc định: site/)")
    commands = parser.add_subparsers(dest="command", metavar="LỆNH")
    build = commands.add_parser("build", parents=[common], help="dựng trang web vào site/ (mặc định)",
                                description="Kiểm tra toàn bộ khóa học rồi dựng trang web. Chỉ thay "
                                "thư mục site/ khi dựng thành công.")
    build.add_argument("--site-dir", metavar="DIR", default=argparse.SUPPRESS, help="thư mục ghi trang web (mặc định: site/)")
    build.add_argument("--handouts", action="store_true", help="in thêm tài liệu PDF vào site/handouts/")
    build.add_argument("--paper", choices=["A4", "A5"], default=argparse.SUPPRESS, help="khổ giấy (mặc định A4)")
    handouts = commands.add_parser(
        "handouts", parents=[common], help="dựng trang web kèm tài liệu in PDF cho người hướng dẫn",
        description="Dựng trang web và in mỗi bài học, mỗi cấp thành PDF trong site/handouts/: bài học chữ "
        "lớn, phiếu bài tập (không có đáp án) và đáp án riêng. Cần thư viện Pango của hệ điều hành.")
    handouts.add_argument("--paper", choices=["A4", "A5"], default=argparse.SUPPRESS, help="khổ giấy (mặc định A4)")
    handouts.add_argument("--site-dir", metavar="DIR", default=argparse.SUPPRESS, help="thư mục ghi trang web")
    serve = commands.add_parser("serve", parents=[common], help="xem trước, tự cập nhật khi sửa tệp",
                                description="Xem trước khóa học trong trình duyệt; dựng lại và tải lại "
                                "trang mỗi khi content/, quizzes/, theme/ hoặc mkdocs.yml thay đổi.")
    serve.add_argument("--host", default="127.0.0.1", help="địa chỉ (mặc định: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="cổng (mặc định: 8000)")
    usb = commands.add_parser(
        "usb", parents=[common], help="dựng khóa học để chép sang USB (thư mục và tệp .zip)",
        description="Dựng khóa học thành thư mục usb/<mã khóa học>/ và tệp usb/<mã khóa học>.zip, mở "
        "được trực tiếp từ USB (file://) trong Chrome và Firefox, không cần mạng.")
    usb.add_argument("--out", metavar="DIR", help="thư mục ghi (mặc định: usb/)")
    commands.add_parser(
        "coverage", parents=[common], help="bảng năng lực × bậc: số bài học và câu hỏi của khóa học",
        description="In bảng năng lực × bậc của khóa học (số bài học / số câu hỏi kiểm tra mỗi ô). "
        "Trả mã lỗi 1 khi một năng lực khóa học cam kết (mục 'hocvuso: coverage:' trong mkdocs.yml, "
        "mặc định: mọi năng lực được nhắc tới) chưa có bài học hoặc có ít hơn 5 câu hỏi.")
    gift_in = commands.add_parser(
        "import-gift", parents=[common], help="chuyển tệp GIFT (Moodle) thành bài kiểm tra trong quizzes/",
        description="Đọc tệp GIFT và ghi quizzes/<tên tệp>.yml. Câu hỏi không chuyển được (tự luận…) "
        "được liệt kê kèm số dòng. Không ghi đè bài kiểm tra đã có nếu thiếu --force.")
    gift_in.add_argument("file", metavar="TỆP.gift")
    gift_in.add_argument("--force", action="store_true", help="ghi đè bài kiểm tra cùng tên nếu đã có")
    gift_in.add_argument("--competences", nargs="+", metavar="MÃ", help="mã năng lực, ví dụ 4.2 2.6")
    gift_in.add_argument("--level", type=int, metavar="BẬC", help="bậc của bài kiểm tra (mặc định 1)")
    gift_out = commands.add_parser(
        "export-gift", parents=[common], help="xuất một bài kiểm tra ra tệp GIFT cho Moodle",
        description="Ghi bài kiểm tra quizzes/<MÃ>.yml thành tệp GIFT (mặc định <MÃ>.gift).")
    gift_out.add_argument("quiz", metavar="MÃ_BÀI_KIỂM_TRA")
    gift_out.add_argument("-o", "--output", metavar="TỆP", help="tệp GIFT sẽ ghi")
    gift_out.add_argument("--force", action="store_true", help="ghi đè tệp GIFT nếu đã có")
    commands.add_parser("check", parents=[common], help="chỉ kiểm tra lỗi, không dựng gì",
                        description="Kiểm tra mkdocs.yml, khung năng lực và mọi bài học; in mọi lỗi "
                        "dạng tệp:dòng: thông báo. Không ghi tệp nào.")
    return parser


if __name__ == "__main__":
    sys.exit(main())
