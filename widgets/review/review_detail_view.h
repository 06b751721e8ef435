#pragma once
// The detail pane of the review: one item (stem, options with the key marked, each distractor's
// operator badge and provenance, the chain drawn as steps beside its source quotes, the checks),
// or one sample or patch (prompt, response, what it teaches and where it comes from). Concepts
// are links: a click opens them in the Knowledge workspace.
#include "review/review_store.h"
#include "tester/checks.h"

#include <QTextBrowser>

#include <optional>

namespace proda {

class ReviewDetailView final : public QTextBrowser {
    Q_OBJECT
  public:
    explicit ReviewDetailView(QWidget* parent = nullptr);
    void showEmpty(const QString& text);
    void showDetail(const ReviewDetail& detail);
    void setCheck(const std::optional<ItemCheck>& check, const QString& error = QString());
    // The option (0..3) the next decision acts on; -1: the whole row.
    void setSelectedOption(int option);
    const std::optional<ReviewDetail>& detail() const { return detail_; }

  signals:
    void conceptClicked(const QString& conceptId);

  private:
    void render();
    QString itemHtml(const ReviewDetail& d) const;
    QString sampleHtml(const ReviewDetail& d) const;
    QString checkHtml(const ReviewDetail& d) const;

    std::optional<ReviewDetail> detail_;
    std::optional<ItemCheck> check_;
    QString checkError_;
    int selected_ = -1;
};

} // namespace proda
