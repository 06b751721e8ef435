#include "concept_inspector.h"
#include "explorer_service.h"
#include "graph_style.h"
#include "terms.h"

#include <QUrl>

namespace proda {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

// The chunk with the quote in bold, trimmed to a window around it so the page stays short.
QString chunkHtml(const ConceptSource& s) {
    constexpr std::int64_t kWindow = 420;
    const std::string& text = s.chunkText;
    if (s.quoteOffset < 0) {
        const std::string head = text.substr(0, std::min<std::size_t>(text.size(), 2 * kWindow));
        return q(head) + (head.size() < text.size() ? QStringLiteral("\u2026") : QString());
    }
    const std::int64_t qEnd = s.quoteOffset + std::int64_t(s.quote.size());
    const std::int64_t from = std::max<std::int64_t>(0, s.quoteOffset - kWindow);
    const std::int64_t to = std::min<std::int64_t>(std::int64_t(text.size()), qEnd + kWindow);
    // Byte offsets may split a UTF-8 sequence at the window edges; QString repairs that with U+FFFD,
    // so step to the nearest character boundary first.
    auto boundary = [&text](std::int64_t i) {
        while (i > 0 && i < std::int64_t(text.size()) && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
        return i;
    };
    const std::int64_t a = boundary(from), b = boundary(to);
    return (a > 0 ? QStringLiteral("\u2026") : QString()) + q(text.substr(a, s.quoteOffset - a)) +
           QStringLiteral("<b>") + q(s.quote) + QStringLiteral("</b>") + q(text.substr(qEnd, b - qEnd)) +
           (b < std::int64_t(text.size()) ? QStringLiteral("\u2026") : QString());
}
} // namespace

ConceptInspector::ConceptInspector(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setOpenExternalLinks(false);
    document()->setDocumentMargin(10);
    document()->setDefaultStyleSheet(QStringLiteral(
        "h2 { margin-bottom: 2px; } h3 { margin-top: 14px; margin-bottom: 4px; } .meta { color: gray; } "
        "blockquote { margin-left: 8px; } .muted { color: gray; font-style: italic; } a { text-decoration: none; }"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("concept")) emit conceptLinkActivated(url.path());
    });
}

void ConceptInspector::showMessage(const QString& html) {
    conceptId_.clear();
    setHtml(html);
}

void ConceptInspector::showIntro(const QString& startId, qint64 startDegree) {
    QString html = tr("<h3>Inspector</h3><p>Type in the search box to find a concept by its term or definition, then "
                      "pick a result: its neighbourhood, chains and sources appear here.</p>");
    if (!startId.isEmpty())
        html += tr("<p>Or start at the <a href='concept:%1'>most connected concept</a> (%2 relations).</p>")
                    .arg(startId.toHtmlEscaped())
                    .arg(startDegree);
    showMessage(html);
}

void ConceptInspector::showDetail(const DetailResult& r) {
    const ConceptDetail& d = r.detail;
    const Concept& c = d.node;
    conceptId_ = QString::fromStdString(c.id);
    const QString color = graphstyle::disciplineColor(QString::fromStdString(c.discipline)).name();
    QString html =
        QStringLiteral(
            "<h2>%1</h2><p class='meta'><span style='color:%2'>\u25CF</span> %3 \u00b7 %4 \u00b7 <tt>%5</tt></p>")
            .arg(q(c.term), color, q(c.type), q(c.discipline), q(c.id));
    html += c.definition.empty() ? tr("<p class='muted'>No definition recorded.</p>")
                                 : QStringLiteral("<p>%1</p>").arg(q(c.definition));
    if (const auto& u = d.usual) {
        const QString usual = q(u->usualDefinition);
        if (!u->qualifier.empty())
            html += tr("<p class='meta'>The word is usually read as \u201C%1\u201D: items and samples write it "
                       "<b>%2 (%3)</b>.</p>")
                        .arg(usual, q(c.term), q(u->qualifier));
        else if (u->rare)
            html += tr("<p class='meta'>The word is usually read as \u201C%1\u201D, and no chain makes a reader take "
                       "it this way: items and samples leave this concept out.</p>")
                        .arg(usual);
        else
            html += tr("<p class='meta'>The word is usually read as \u201C%1\u201D: samples leave this concept out; "
                       "items keep it where their chain tells the sense.</p>")
                        .arg(usual);
    }

    if (!d.statedGenera.empty()) {
        QStringList genera;
        for (const auto& g : d.statedGenera) genera << QStringLiteral("<b>%1</b>").arg(q(g));
        html += tr("<p class='meta'>The source says it is a kind of %1. No chain holds that statement; items read it "
                   "as the concept's category.</p>")
                    .arg(genera.join(QStringLiteral(", ")));
    }

    html += tr("<h3>Source</h3>");
    const ConceptSource& s = r.source;
    if (s.chunkId != 0) {
        html += tr("<p class='meta'>From <b>%1</b> (chunk %2)</p>").arg(q(s.documentTitle)).arg(s.chunkId);
        html += QStringLiteral("<blockquote>%1</blockquote>").arg(chunkHtml(s));
    } else if (!s.quote.empty()) {
        html += QStringLiteral("<blockquote>\u201C%1\u201D</blockquote>").arg(q(s.quote));
        html += tr("<p class='muted'>Imported knowledge: no corpus chunk is recorded for it.</p>");
    } else {
        html += tr("<p class='muted'>No source recorded.</p>");
    }

    auto term = [&r](const std::string& id) {
        auto it = r.terms.find(id);
        return it == r.terms.end() ? q(id) : q(it->second);
    };
    auto relations = [&](const std::vector<Relation>& list, bool outgoing) -> QString {
        QString out = outgoing ? tr("<h3>Relations out (%1)</h3>").arg(list.size())
                               : tr("<h3>Relations in (%1)</h3>").arg(list.size());
        if (list.empty()) return out + tr("<p class='muted'>None.</p>");
        out += QStringLiteral("<table cellspacing='0' cellpadding='1'>");
        int shown = 0;
        for (const Relation& rel : list) {
            if (++shown > 60) {
                out += tr("<tr><td></td><td class='muted'>and %1 more</td></tr>").arg(list.size() - 60);
                break;
            }
            const std::string& other = outgoing ? rel.object : rel.subject;
            const QString link = QStringLiteral("<a href='concept:%1'>%2</a>").arg(q(other), term(other));
            const QString swatch = QStringLiteral("<td valign='top'><span style='color:%1'>\u25A0</span>&nbsp;</td>")
                                       .arg(graphstyle::relationColor(QString::fromStdString(rel.type)).name());
            out += outgoing ? QStringLiteral("<tr>%1<td><i>%2</i> %3</td></tr>").arg(swatch, q(rel.predicate), link)
                            : QStringLiteral("<tr>%1<td>%2 <i>%3</i></td></tr>").arg(swatch, link, q(rel.predicate));
        }
        return out + QStringLiteral("</table>");
    };
    html += relations(d.outgoing, true);
    html += relations(d.incoming, false);

    html += tr("<h3>Benchmark items (%1)</h3>").arg(r.itemsTotal);
    if (r.projectItems == 0)
        html += tr("<p class='muted'>No benchmark items in this project yet.</p>");
    else if (r.items.empty())
        html += tr("<p class='muted'>No benchmark item goes through this concept.</p>");
    for (const ItemRef& it : r.items)
        html += QStringLiteral("<p>%1 <span class='meta'>[%2, %3]</span></p>")
                    .arg(q(it.question), terms::reviewStatus(it.status).toHtmlEscaped(), q(it.split));
    if (r.itemsTotal > std::int64_t(r.items.size()))
        html += tr("<p class='muted'>and %1 more</p>").arg(r.itemsTotal - std::int64_t(r.items.size()));

    if (r.datasetVersion == 0) {
        html += tr("<h3>Training samples</h3><p class='muted'>No dataset version yet.</p>");
    } else {
        html += tr("<h3>Training samples in v%1 (%2)</h3>").arg(r.datasetVersion).arg(r.samplesTotal);
        if (r.samples.empty()) html += tr("<p class='muted'>No sample of this version teaches the concept.</p>");
        for (const SampleRef& smp : r.samples)
            html += QStringLiteral("<p>%1 <span class='meta'>[%2, %3]</span></p>")
                        .arg(q(smp.prompt), q(smp.format), q(smp.origin));
        if (r.samplesTotal > std::int64_t(r.samples.size()))
            html += tr("<p class='muted'>and %1 more</p>").arg(r.samplesTotal - std::int64_t(r.samples.size()));
    }
    setHtml(html);
}

} // namespace proda
