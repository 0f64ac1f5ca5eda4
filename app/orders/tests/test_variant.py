import json
from unittest import mock

from django.test import SimpleTestCase, TestCase

from orders import seeding, variant, views

# Shared with the grader's VariantsTest: both implementations must give these.
VECTORS = [
    ("ivanov", 37, "V37-V3NC"),
    ("2023001", 1, "V01-NVRP"),
    ("Petrova.A@mpgu.su", 27, "V27-3VMD"),
    (" S-17 ", 13, "V13-JCJR"),
    ("иванов", 12, "V12-AKRV"),
]


class VariantFunctionsTests(SimpleTestCase):
    def test_shared_vectors(self):
        for student_id, number, code in VECTORS:
            with self.subTest(student_id=student_id):
                self.assertEqual(variant.number_for_id(student_id), number)
                self.assertEqual(variant.code_for(student_id, number), code)

    def test_ballast_grows_by_step(self):
        for n in range(1, variant.VARIANTS + 1):
            self.assertEqual(len(variant.ballast(n)), n * variant.STEP_BYTES)
        self.assertEqual(variant.ballast(0), "")

    def test_env_code_must_belong_to_the_id(self):
        self.assertEqual(variant.from_env({"LAB_STUDENT_ID": "ivanov"}).code, "V37-V3NC")
        self.assertEqual(variant.from_env({"LAB_STUDENT_ID": "ivanov", "LAB_VARIANT": variant.code_for("ivanov", 5)}).number, 5)
        with self.assertRaises(ValueError):
            variant.from_env({"LAB_STUDENT_ID": "ivanov", "LAB_VARIANT": "V01-NVRP"})
        with self.assertRaises(ValueError):
            variant.from_env({"LAB_VARIANT": "V99-AAAA"})
        self.assertIsNone(variant.from_env({}))


class OrdersShowTheVariantTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seeding.seed(scale=0.05, log=lambda *_: None)

    def body(self, env):
        views._VARIANT.clear()
        try:
            with mock.patch.dict("os.environ", env, clear=False):
                return self.client.get("/orders").content
        finally:
            views._VARIANT.clear()

    def test_code_on_the_page_and_size_step_per_variant(self):
        sizes = {}
        for n in (1, 2, 17):
            code = variant.code_for("ivanov", n)
            content = self.body({"LAB_STUDENT_ID": "ivanov", "LAB_VARIANT": code})
            self.assertEqual(json.loads(content)["variant"], code)
            sizes[n] = len(content)
        self.assertEqual(sizes[2] - sizes[1], variant.STEP_BYTES)
        self.assertEqual(sizes[17] - sizes[1], 16 * variant.STEP_BYTES)

    def test_template_without_variant(self):
        data = json.loads(self.body({"LAB_STUDENT_ID": "", "LAB_VARIANT": ""}))
        self.assertIsNone(data["variant"])
        self.assertEqual(data["variant_ballast"], "")
