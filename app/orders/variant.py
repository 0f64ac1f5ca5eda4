"""The student's variant: a code shown on /orders and a response size of its own.

The teacher hands every student an id (and, from the class roster, a variant code);
``bin/lab variant --id ID`` writes both into the repository's ``.env``, compose passes
them to ``setup`` and ``web``. The variant number fixes how many bytes one /orders
response has, so wrk's "MB read" / requests shows which stand a run was made on.
The grader (ru.mpgu.lab.variant.Variants) implements the same functions; the test
vectors in tests/test_variant.py are shared with its unit test.
"""

import hashlib
import os
import re

VARIANTS = 40            # variant numbers 1..40; a class larger than that shares some
STEP_BYTES = 48          # each variant's /orders response is this much longer than the previous one
CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"  # no 0/O, 1/I/L, 5/S, 8/B, 2/Z: survives OCR
CODE_RE = re.compile(r"^V(\d{2})-([%s]{4})$" % CODE_ALPHABET)


def normalize_id(student_id):
    return (student_id or "").strip().lower()


def _digest(text):
    return hashlib.sha256(text.encode("utf-8")).digest()


def number_for_id(student_id):
    """Variant a student gets when the roster has no collision (the roster's first choice)."""
    return 1 + int.from_bytes(_digest("lab-variant:" + normalize_id(student_id))[:8], "big") % VARIANTS


def code_for(student_id, number):
    """'V17-K4QX': the number and four letters tied to the student's id."""
    digest = _digest(f"lab-variant-code:{normalize_id(student_id)}:{number}")
    letters = "".join(CODE_ALPHABET[b % len(CODE_ALPHABET)] for b in digest[:4])
    return f"V{number:02d}-{letters}"


def ballast(number):
    """The variant's filler: STEP_BYTES characters per variant number (no V or digits: OCR must not see a code in it)."""
    return "pad-" * (STEP_BYTES // 4 * number)


class Variant:
    def __init__(self, code, number):
        self.code = code
        self.number = number

    def payload(self):
        return {"variant": self.code, "variant_ballast": ballast(self.number)}


def from_env(environ=None):
    """LAB_VARIANT (checked against LAB_STUDENT_ID when both are set), or one derived from LAB_STUDENT_ID, or None."""
    environ = os.environ if environ is None else environ
    student_id = environ.get("LAB_STUDENT_ID", "").strip()
    code = environ.get("LAB_VARIANT", "").strip().upper()
    if code:
        match = CODE_RE.match(code)
        if not match or not 1 <= int(match.group(1)) <= VARIANTS:
            raise ValueError(f"LAB_VARIANT={code!r}: expected a code like V17-K4QX")
        number = int(match.group(1))
        if student_id and code_for(student_id, number) != code:
            raise ValueError(f"LAB_VARIANT={code} does not belong to LAB_STUDENT_ID={student_id}")
        return Variant(code, number)
    if student_id:
        number = number_for_id(student_id)
        return Variant(code_for(student_id, number), number)
    return None


def empty_payload():
    return {"variant": None, "variant_ballast": ""}
