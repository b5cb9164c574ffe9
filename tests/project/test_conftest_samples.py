"""The shared samples are found through TAIYAKU_SAMPLES as well as beside the repository."""

from __future__ import annotations

from conftest import ROOT, SAMPLE_NAME, find_sample


def test_the_environment_variable_names_the_samples_folder_first(tmp_path):
    (tmp_path / SAMPLE_NAME).write_text("Q: hello\n", encoding="utf-8")
    assert find_sample(environ={"TAIYAKU_SAMPLES": str(tmp_path)}) == tmp_path / SAMPLE_NAME


def test_without_the_variable_the_neighbouring_shared_folder_is_used(tmp_path):
    found = find_sample(environ={})
    assert found.parent in (ROOT.parent / "shared" / "samples", ROOT.parent.parent / "shared" / "samples")
    # A variable naming a folder without the sample falls back to shared/ when shared/ has it.
    fallback = find_sample(environ={"TAIYAKU_SAMPLES": str(tmp_path)})
    assert fallback == (found if found.exists() else tmp_path / SAMPLE_NAME)
