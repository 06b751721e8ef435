#pragma once
// Colours and pens of the graph canvas: nodes by discipline, edges by relation type. Shared by
// the canvas, its legend and the discipline overview so one discipline has one colour everywhere.
#include <QColor>
#include <QPen>
#include <QString>

namespace proda::graphstyle {

// A stable colour for a discipline name (the same name gives the same colour in every session).
QColor disciplineColor(const QString& discipline);
// Pen of an edge of the relation type ("CAUSAL", ...); unknown types get the OTHER pen.
QPen relationPen(const QString& type);
QColor relationColor(const QString& type);
// "is a kind of", "is part of": a short human name for the legend.
QString relationLabel(const QString& type);
// The legend as a line of rich text: a swatch and the name of every relation type.
QString relationLegendHtml();
// Overlay value in [0, 1] to a fill colour: pale to saturated (coverage) or to red (failure heat).
QColor overlayColor(double fraction, bool heat);

} // namespace proda::graphstyle
