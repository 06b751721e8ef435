#include "review_detail_view.h"
#include "terms.h"

#include <QScrollBar>
#include <QUrl>

#include <algorithm>

namespace proda {

namespace {

QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }

QString conceptLink(const std::string& id, const std::string& term) {
    return QStringLiteral("<a href=\"concept:%1\">%2</a>").arg(esc(id), esc(term));
}

QString statusBadge(const std::string& status, const std::string& reason) {
    if (status == "proposed") return ReviewDetailView::tr("<span style=\"color:#888\">to review</span>");
    const QString color = status == "accepted"   ? QStringLiteral("#2e8b57")
                          : status == "rejected" ? QStringLiteral("#c0392b")
                                                 : QStringLiteral("#2980b9");
    QString s = QStringLiteral("<b style=\"color:%1\">%2</b>").arg(color, terms::reviewStatus(status).toHtmlEscaped());
    if (!reason.empty()) s += QStringLiteral(" (%1)").arg(esc(reasonLabel(reason)));
    return s;
}

QString chainHtml(const ChainPath& chain) {
    QString html = QStringLiteral("<h4>%1</h4><table cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">")
                       .arg(ReviewDetailView::tr("Chain"));
    for (std::size_t i = 0; i < chain.steps.size(); ++i) {
        const auto& s = chain.steps[i];
        html +=
            QStringLiteral(
                "<tr><td valign=\"top\" width=\"45%\">%1. %2 <i>%3</i> %4</td><td valign=\"top\" style=\"color:#666\">%5</td></tr>")
                .arg(i + 1)
                .arg(conceptLink(s.relation.subject, s.subjectTerm), esc(s.relation.predicate),
                     conceptLink(s.relation.object, s.objectTerm),
                     s.relation.sourceQuote.empty()
                         ? ReviewDetailView::tr("(no source quote)")
                         : QStringLiteral("\u201c%1\u201d").arg(esc(s.relation.sourceQuote)));
    }
    if (!chain.complete)
        html += QStringLiteral("<tr><td colspan=\"2\">%1</td></tr>")
                    .arg(ReviewDetailView::tr("A relation of this chain is no longer in the project."));
    return html + QStringLiteral("</table>");
}

} // namespace

ReviewDetailView::ReviewDetailView(QWidget* parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setObjectName(QStringLiteral("reviewDetail"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("concept")) emit conceptClicked(url.path());
    });
}

void ReviewDetailView::showEmpty(const QString& text) {
    detail_.reset();
    check_.reset();
    setHtml(QStringLiteral("<p style=\"color:#888\">%1</p>").arg(text.toHtmlEscaped()));
}

void ReviewDetailView::showDetail(const ReviewDetail& detail) {
    detail_ = detail;
    check_.reset();
    checkError_.clear();
    selected_ = -1;
    render();
    verticalScrollBar()->setValue(0);
}

void ReviewDetailView::setCheck(const std::optional<ItemCheck>& check, const QString& error) {
    check_ = check;
    checkError_ = error;
    render();
}

void ReviewDetailView::setSelectedOption(int option) {
    selected_ = option;
    render();
}

void ReviewDetailView::render() {
    if (!detail_) return;
    // A re-render for the checks or a selected option keeps the curator's place in the pane.
    const int scroll = verticalScrollBar()->value();
    setHtml(detail_->item ? itemHtml(*detail_) : sampleHtml(*detail_));
    verticalScrollBar()->setValue(scroll);
}

QString ReviewDetailView::itemHtml(const ReviewDetail& d) const {
    const Item& it = *d.item;
    QString html = QStringLiteral("<p style=\"color:#666\">%1 \u00b7 %2 \u00b7 %3 \u00b7 %4 \u00b7 %5</p>")
                       .arg(esc(it.id), esc(std::string(toString(it.shape))), esc(it.split), esc(it.discipline),
                            statusBadge(it.status, it.reason));
    html += QStringLiteral("<p style=\"font-size:large\">%1</p>").arg(esc(it.question));
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"5\">");
    for (int i = 0; i < 4; ++i) {
        const bool key = i == it.answer;
        QString badge, provenance, state;
        int di = -1;
        for (std::size_t k = 0; k < it.distractors.size(); ++k)
            if (it.distractors[k].optionIndex == i) di = static_cast<int>(k);
        if (key) {
            badge = QStringLiteral("<b style=\"color:#2e8b57\">\u2714 %1</b>").arg(tr("key"));
        } else if (di >= 0) {
            const Distractor& x = it.distractors[static_cast<std::size_t>(di)];
            badge =
                QStringLiteral("<span style=\"background:#eef;color:#335;white-space:nowrap\">&nbsp;%1&nbsp;</span>")
                    .arg(esc(x.op));
            QStringList nodes;
            if (static_cast<std::size_t>(di) < d.distractorNodes.size())
                for (const auto& [id, term] : d.distractorNodes[static_cast<std::size_t>(di)])
                    nodes << conceptLink(id, term);
            if (!nodes.isEmpty()) provenance = tr("from %1").arg(nodes.join(QStringLiteral(", ")));
            if (x.status != "proposed") state = statusBadge(x.status, x.reason);
        }
        const bool invalid = check_ && std::find(check_->invalidOptions.begin(), check_->invalidOptions.end(), i) !=
                                           check_->invalidOptions.end();
        const QString bg = i == selected_ ? QStringLiteral(" style=\"background:#fff3c4\"") : QString();
        html +=
            QStringLiteral(
                "<tr%1><td width=\"28\"><b>%2</b></td><td>%3%4</td><td>%5</td><td style=\"color:#666\">%6</td><td>%7</td></tr>")
                .arg(bg, QString(QChar::fromLatin1(optionLetter(i))),
                     key ? QStringLiteral("<b>%1</b>").arg(esc(it.options[i])) : esc(it.options[i]),
                     invalid ? QStringLiteral(" <b style=\"color:#c0392b\">%1</b>").arg(tr("true under the knowledge"))
                             : QString(),
                     badge, provenance, state);
    }
    html += QStringLiteral("</table>");
    if (selected_ >= 0)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(tr("Option %1 selected: A accepts it, R rejects it, G replaces it, Esc returns to the item.")
                             .arg(QChar::fromLatin1(optionLetter(selected_))));
    html += checkHtml(d);
    if (d.chain) html += chainHtml(*d.chain);
    if (!it.explanation.empty())
        html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Explanation"), esc(it.explanation));
    return html;
}

QString ReviewDetailView::checkHtml(const ReviewDetail& d) const {
    const Item& it = *d.item;
    QStringList problems, fine;
    if (!checkError_.isEmpty()) problems << tr("The checks could not run: %1").arg(checkError_.toHtmlEscaped());
    if (check_) {
        const ItemCheck& c = *check_;
        if (!c.verifiable) problems << tr("Not verifiable against the knowledge (free text or a chain that is gone).");
        if (!c.correctTrue) problems << tr("The keyed answer is not true under the knowledge.");
        for (int i : c.invalidOptions)
            problems << tr("Option %1 is also true under the knowledge.").arg(QChar::fromLatin1(optionLetter(i)));
        if (c.duplicateOptions) problems << tr("Two options are the same.");
        if (c.emptyOption) problems << tr("An option is empty.");
        if (c.ngramLeak)
            problems << tr("Leak: %1% of the question's word sequences are in training sample %2.")
                            .arg(qRound(c.ngramShare * 100))
                            .arg(esc(c.ngramSample));
        if (c.factLeak) problems << tr("Leak: training sample %1 states the composed fact.").arg(esc(c.factSample));
        if (c.verifiable && c.correctTrue && c.invalidOptions.empty())
            fine << tr("only the key is true under the knowledge");
        if (!c.ngramLeak && !c.factLeak) fine << tr("no leak into the training data");
    }
    // The length giveaway: the key much longer than every distractor.
    std::size_t longestOther = 0;
    for (int i = 0; i < 4; ++i)
        if (i != it.answer) longestOther = std::max(longestOther, it.options[i].size());
    if (it.options[it.answer].size() > longestOther * 3 / 2 + 4)
        problems << tr("The key is by far the longest option.");
    QString html = QStringLiteral("<h4>%1</h4>").arg(tr("Checks"));
    if (!check_ && checkError_.isEmpty())
        html += QStringLiteral("<p style=\"color:#888\">%1</p>").arg(tr("Checking\u2026"));
    for (const auto& p : problems) html += QStringLiteral("<p style=\"color:#c0392b\">\u26a0 %1</p>").arg(p);
    if (!fine.isEmpty())
        html += QStringLiteral("<p style=\"color:#2e8b57\">\u2714 %1</p>").arg(fine.join(QStringLiteral("; ")));
    return html;
}

QString ReviewDetailView::sampleHtml(const ReviewDetail& d) const {
    const bool patch = d.target.kind == ReviewKind::Patch;
    QString meta = QStringLiteral("%1 \u00b7 %2 \u00b7 %3").arg(esc(d.target.id), esc(d.format), esc(d.discipline));
    if (patch)
        meta += QStringLiteral(" \u00b7 %1 %2").arg(esc(d.patchKind), esc(d.origin));
    else
        meta += QStringLiteral(" \u00b7 %1").arg(tr("origin %1").arg(esc(d.origin)));
    QString html = QStringLiteral("<p style=\"color:#666\">%1 \u00b7 %2</p>")
                       .arg(meta, statusBadge(d.state.status, d.state.reason));
    html += QStringLiteral("<h4>%1</h4><p style=\"font-size:large\">%2</p>")
                .arg(tr("Prompt"), esc(d.prompt).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    if (!d.options.empty()) {
        html += QStringLiteral("<table cellpadding=\"4\">");
        for (std::size_t i = 0; i < d.options.size(); ++i) {
            const bool key = d.answer.size() == 1 && d.answer[0] == optionLetter(static_cast<int>(i));
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(QChar::fromLatin1(optionLetter(static_cast<int>(i))),
                             key ? QStringLiteral("<b>%1 \u2714</b>").arg(esc(d.options[i])) : esc(d.options[i]));
        }
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                .arg(tr("Response"), esc(d.response).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    if (!d.relations.empty() || !d.concepts.empty()) {
        html += QStringLiteral("<h4>%1</h4><table cellpadding=\"4\" width=\"100%\">").arg(tr("What it teaches"));
        for (const auto& s : d.relations)
            html +=
                QStringLiteral(
                    "<tr><td valign=\"top\" width=\"45%\">%1 <i>%2</i> %3</td><td valign=\"top\" style=\"color:#666\">%4</td></tr>")
                    .arg(conceptLink(s.relation.subject, s.subjectTerm), esc(s.relation.predicate),
                         conceptLink(s.relation.object, s.objectTerm),
                         s.relation.sourceQuote.empty()
                             ? QString()
                             : QStringLiteral("\u201c%1\u201d").arg(esc(s.relation.sourceQuote)));
        QStringList concepts;
        for (const auto& [id, term] : d.concepts) concepts << conceptLink(id, term);
        if (!concepts.isEmpty())
            html += QStringLiteral("<tr><td colspan=\"2\">%1 %2</td></tr>")
                        .arg(tr("Concepts:"), concepts.join(QStringLiteral(", ")));
        html += QStringLiteral("</table>");
    }
    if (!d.targets.empty()) {
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Failed items it repairs"));
        for (const auto& [id, stem] : d.targets) html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(id), esc(stem));
    }
    QStringList facts;
    facts << tr("template %1").arg(esc(d.templateId));
    if (!d.versions.empty()) {
        QStringList v;
        for (auto x : d.versions) v << QString::number(x);
        facts << tr("in dataset version %1").arg(v.join(QStringLiteral(", ")));
    } else if (!patch) {
        facts << tr("in no dataset version");
    }
    if (!d.note.empty()) facts << tr("note: %1").arg(esc(d.note));
    html += QStringLiteral("<p style=\"color:#666\">%1</p>").arg(facts.join(QStringLiteral(" \u00b7 ")));
    return html;
}

} // namespace proda
