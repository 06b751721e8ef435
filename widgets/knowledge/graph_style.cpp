#include "graph_style.h"
#include "knowledge/types.h"

#include <QCoreApplication>

#include <array>

namespace proda::graphstyle {

namespace {
// Twelve distinguishable hues (a Tableau-like palette), readable on light and dark backgrounds.
constexpr std::array<QRgb, 12> kPalette = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2, 0xedc948,
                                           0xb07aa1, 0xff9da7, 0x9c755f, 0x86bcb6, 0xd37295, 0x8cd17d};

struct TypeStyle {
    const char* type;
    QRgb color;
    Qt::PenStyle style;
    double width;
    const char* label; // translated where shown (context proda::graphstyle)
};
// Direction-bearing relations (causal, prerequisite) are solid and heavier; structural ones dashed.
constexpr std::array<TypeStyle, kRelationTypeCount> kTypes = {{
    {"SPECIALIZATION", 0x5b6b7c, Qt::SolidLine, 1.4, QT_TRANSLATE_NOOP("proda::graphstyle", "kind of")},
    {"PART_OF", 0x2a9d8f, Qt::DashLine, 1.4, QT_TRANSLATE_NOOP("proda::graphstyle", "part of")},
    {"CAUSAL", 0xd62828, Qt::SolidLine, 2.0, QT_TRANSLATE_NOOP("proda::graphstyle", "causes")},
    {"PREREQUISITE", 0x7b2cbf, Qt::DashDotLine, 1.8, QT_TRANSLATE_NOOP("proda::graphstyle", "prerequisite")},
    {"CONTRAST", 0xe76f51, Qt::DotLine, 1.6, QT_TRANSLATE_NOOP("proda::graphstyle", "contrasts")},
    {"PROPERTY", 0x3a86ff, Qt::DashLine, 1.2, QT_TRANSLATE_NOOP("proda::graphstyle", "property")},
    {"FUNCTION", 0x2b9348, Qt::DashDotDotLine, 1.4, QT_TRANSLATE_NOOP("proda::graphstyle", "function")},
    {"OTHER", 0x9a9a9a, Qt::DotLine, 1.0, QT_TRANSLATE_NOOP("proda::graphstyle", "other")},
}};

const TypeStyle& styleOf(const QString& type) {
    for (const auto& t : kTypes)
        if (type == QLatin1String(t.type)) return t;
    return kTypes.back();
}
} // namespace

QColor disciplineColor(const QString& discipline) {
    // FNV-1a over the UTF-16 code units: stable across runs, unlike qHash with its seed.
    quint32 h = 2166136261u;
    for (QChar c : discipline) h = (h ^ c.unicode()) * 16777619u;
    return QColor(kPalette[h % kPalette.size()]);
}

QPen relationPen(const QString& type) {
    const TypeStyle& t = styleOf(type);
    QPen pen(QColor(t.color), t.width, t.style, Qt::RoundCap);
    pen.setCosmetic(false);
    return pen;
}

QColor relationColor(const QString& type) { return QColor(styleOf(type).color); }

QString relationLabel(const QString& type) {
    return QCoreApplication::translate("proda::graphstyle", styleOf(type).label);
}

QString relationLegendHtml() {
    QString html;
    for (const auto& t : kTypes) {
        const QString dash = t.style == Qt::SolidLine ? QStringLiteral("\u2501\u2501") : QStringLiteral("\u254D\u254D");
        html += QStringLiteral("<span style='color:%1'>%2</span>&nbsp;%3 &nbsp;")
                    .arg(QColor(t.color).name(), dash, QCoreApplication::translate("proda::graphstyle", t.label));
    }
    return html;
}

QColor overlayColor(double fraction, bool heat) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    const QColor lo = heat ? QColor(0xfde0dd) : QColor(0xe0ecf4);
    const QColor hi = heat ? QColor(0xc62828) : QColor(0x08519c);
    auto mix = [fraction](int a, int b) { return int(a + (b - a) * fraction); };
    return QColor(mix(lo.red(), hi.red()), mix(lo.green(), hi.green()), mix(lo.blue(), hi.blue()));
}

} // namespace proda::graphstyle
