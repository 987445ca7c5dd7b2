"""Render folium elements without compiling their output as Jinja templates.

branca's `MacroElement.render` (branca 0.8) wraps each macro's rendered output (header, html,
script) in `Element(text)`, and `Element` compiles its text as a new Jinja template, which is
rendered again when the page is assembled. That second pass did two kinds of harm here:
- Safety: text from the data inside that output was run as Jinja. A marker labelled
  `{{ 6*7 }}` came out as `42` in "Download this map (HTML)", and a Jinja expression can reach
  Python objects, so an uploaded CSV could run code on the server; `{%` in a label made the map
  page fail with a template syntax error.
- CPU: compiling the rendered scripts (the choropleth's styles, the markers' GeoJSON) took about a
  third of every map run.

`install()` makes MacroElement keep its rendered output as plain text, placed as it is: the same
HTML and script, rendered once. streamlit-folium reads elements' scripts straight from their
macros, so what it sends is unchanged.
"""

from __future__ import annotations

from branca.element import Element, Figure, MacroElement


class RenderedText(Element):
    """Output that is already rendered: inserted as it is, never read as a template."""

    def __init__(self, text: str):
        super().__init__()
        self._name = "RenderedText"
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


def _render_macros_once(self: MacroElement, **kwargs) -> None:
    """branca's MacroElement.render, with RenderedText where it had Element(text)."""
    figure = self.get_root()
    assert isinstance(figure, Figure), "You cannot render this Element if it is not in a Figure."
    macros = self._template.module.__dict__
    for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
        macro = macros.get(part)
        if macro is not None:
            target.add_child(RenderedText(macro(self, kwargs)), name=self.get_name())
    for element in self._children.values():
        element.render(**kwargs)


def install() -> None:
    """Idempotent; every folium element that renders through MacroElement is affected."""
    MacroElement.render = _render_macros_once
