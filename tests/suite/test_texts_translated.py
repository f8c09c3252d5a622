"""Every refusal a screen can show goes through the catalogue (issue 18: no Dutch in English).

A service may not import Qt, so it words a refusal with ``noodpost.core.i18n.translate`` and
the GUI installs the catalogue behind it. A ``raise Refused(f"…")`` with a Dutch sentence
written in place would reach the English interface in Dutch: this test reads the source and
names every such raise.

The command line speaks Dutch by its contract (docs/cli.md) and the hub's server answers
programs, not people, so ``noodpost/commands``, ``noodpost/cli.py``, ``noodpost/selftest.py``
and ``noodpost/hub`` may raise with a Dutch sentence.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from noodpost.core import i18n
from noodpost.core.dutch import bundles

PACKAGE = Path(__file__).resolve().parents[2] / "noodpost"
COMMAND_LINE = ("commands/", "cli.py", "selftest.py", "hub/")


def _modules() -> dict[str, ast.Module]:
    return {
        path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _user_errors(modules: dict[str, ast.Module]) -> set[str]:
    """``UserError`` and every class that derives from it, by name, across the package."""
    names = {"UserError"}
    nodes = [node for tree in modules.values() for node in ast.walk(tree)]
    classes = [node for node in nodes if isinstance(node, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for node in classes:
            bases = {base.id for base in node.bases if isinstance(base, ast.Name)}
            if node.name not in names and bases & names:
                names.add(node.name)
                grew = True
    return names


def _written_in_place(argument: ast.expr) -> bool:
    """A sentence typed into the raise: a literal, an f-string or literals joined."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return bool(argument.value.strip())
    if isinstance(argument, ast.JoinedStr):
        return True
    if isinstance(argument, ast.BinOp):
        return _written_in_place(argument.left) or _written_in_place(argument.right)
    return False


def test_no_refusal_is_written_in_dutch_in_place() -> None:
    modules = _modules()
    errors = _user_errors(modules)
    found = []
    for name, tree in modules.items():
        if name.startswith(COMMAND_LINE):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
                continue
            call = node.exc
            called = call.func.id if isinstance(call.func, ast.Name) else None
            if called in errors and call.args and _written_in_place(call.args[0]):
                found.append(f"{name}:{node.lineno} {called}")
    assert found == []


def test_the_check_sees_a_sentence_written_in_place() -> None:
    """The check above can fail: these are the shapes it must catch, and what it lets pass."""
    caught = [
        'raise Refused("Deze code klopt niet")',
        'raise NotFound(f"Geen artikel {name}")',
        'raise UserError("Er is " + "geen water")',
    ]
    passed = [
        'raise Refused(translate("Desk", "Deze code klopt niet"))',
        'raise NotFound(translate("Desk", "Geen artikel {name}").format(name=name))',
        "raise UserError(message)",
    ]
    for source in caught + passed:
        call = ast.parse(source).body[0].exc  # type: ignore[attr-defined]
        assert _written_in_place(call.args[0]) == (source in caught), source


@pytest.fixture
def english() -> object:
    i18n.install(lambda context, text: {"bundel": "bundle", "bundels": "bundles"}.get(text, text))
    yield
    i18n.uninstall()


def test_a_service_text_follows_the_installed_catalogue(english: object) -> None:
    assert bundles(1) == "1 bundle"
    assert bundles(3) == "3 bundles"
    i18n.uninstall()
    assert bundles(3) == "3 bundels"
