"""Accessible names and descriptions: what a screen reader says of a control, and the test of
which controls must have them (tests/test_accessible.py walks the window with `missing`).

Qt names most controls from their visible text (a button's label, a check box's text); a control
with no text of its own (a list, a text field with a placeholder, a pane) is named here.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QDialogButtonBox, QWidget

R = QAccessible.Role
# The roles a user works with: each needs a name (and, for a widget, a description).
INTERACTIVE = {
    R.Button, R.CheckBox, R.RadioButton, R.ComboBox, R.EditableText, R.List, R.Tree, R.Table,
    R.SpinBox, R.Slider, R.PageTab, R.PageTabList, R.MenuItem, R.ButtonMenu, R.ButtonDropDown,
    R.Link, R.MenuBar, R.ToolBar, R.Pane, R.Dialog, R.Window,
}  # fmt: skip


def describe(widget: QWidget, name: str, description: str) -> None:
    """Give a control its accessible name and description."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


def describe_buttons(box: QDialogButtonBox, descriptions: dict[QDialogButtonBox.StandardButton, str]) -> None:
    """Describe the standard buttons of a dialog's button box (their names are their labels)."""
    for which, description in descriptions.items():
        button = box.button(which)
        if button is not None:
            button.setAccessibleDescription(description)


def walk(iface: QAccessibleInterface | None, depth: int = 0) -> list[QAccessibleInterface]:
    """Every visible interface under `iface`, itself included (depth first)."""
    if iface is None or not iface.isValid() or iface.state().invisible or depth > 40:
        return []
    out = [iface]
    for i in range(iface.childCount()):
        out += walk(iface.child(i), depth + 1)
    return out


def _interactive(iface: QAccessibleInterface) -> bool:
    if iface.role() in INTERACTIVE:
        return True
    obj = iface.object()
    return isinstance(obj, QWidget) and bool(obj.focusPolicy() & Qt.FocusPolicy.TabFocus)


def missing(root: QObject) -> list[str]:
    """The interactive controls under `root` without an accessible name, and the interactive
    widgets without a description: "Role ClassName objectName: what is missing"."""
    out = []
    for iface in walk(QAccessible.queryAccessibleInterface(root)):
        if not _interactive(iface):
            continue
        obj = iface.object()
        what = f"{iface.role().name} {type(obj).__name__} {obj.objectName() if obj else ''}".strip()
        name = iface.text(QAccessible.Text.Name).strip()
        if not name:
            out.append(f"{what}: no name")
        # Qt's interfaces of a dock widget and a tab bar report a name only: their description
        # is the widget's own.
        description = iface.text(QAccessible.Text.Description).strip()
        if isinstance(obj, QWidget) and not (description or obj.accessibleDescription().strip()):
            out.append(f"{what} {name!r}: no description")
    return out
