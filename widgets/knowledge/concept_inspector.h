#pragma once
// The inspector: everything known about one concept, as a readable page. Where the concept came
// from (quote inside its chunk, document), its relations in and out (links re-centre the graph),
// and the benchmark items and training samples that touch it, or a plain note that none exist.
#include <QTextBrowser>

namespace proda {

struct DetailResult;

class ConceptInspector final : public QTextBrowser {
    Q_OBJECT
  public:
    explicit ConceptInspector(QWidget* parent = nullptr);
    void showDetail(const DetailResult& detail);
    void showIntro(const QString& startId, qint64 startDegree);
    void showMessage(const QString& html);
    QString conceptId() const { return conceptId_; }

  signals:
    void conceptLinkActivated(const QString& id);

  private:
    QString conceptId_;
};

} // namespace proda
