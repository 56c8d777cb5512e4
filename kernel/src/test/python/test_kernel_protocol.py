"""Jupyter protocol conformance of the installed "java" kernel (jupyter_kernel_test).

Run with Debian's interpreter, which has jupyter_client and jupyter_kernel_test:
    /usr/bin/python3 -m unittest discover -s src/test/python -p 'test_*.py' -v
"""
import unittest

import jupyter_kernel_test


class JavaKernelProtocolTests(jupyter_kernel_test.KernelTests):
    kernel_name = "java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": 'String.join("-", "a", "b")', "result": "a-b"},
    ]
    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": 'display("plain");', "mime": "text/plain"},
    ]
    code_generate_error = 'throw new IllegalStateException("boom");'

    complete_code_samples = ["1 + 1;", "int x = 1;", "void f() { }", "%maven g:a:1"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = (1 +", "void g() {"]
    # JShell's notion of input that can never be completed (not of code that will not compile).
    invalid_code_samples = ["}", "x ]", "var = ;"]

    completion_samples = [
        {"text": "Syst", "matches": {"System"}},
        {"text": "%mav", "matches": {"%maven", "%mavenRepo"}},
    ]

    code_inspect_sample = "System.out.println"


if __name__ == "__main__":
    unittest.main()
