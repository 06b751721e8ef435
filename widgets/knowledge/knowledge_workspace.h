#pragma once
// The knowledge explorer: search, graph canvas of the centred concept's neighbourhood, chains
// through it with their steps, the inspector, overlays and the discipline overview. All data
// comes from ExplorerService, off the GUI thread.
#include "explorer_service.h"
#include "navigation_history.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QTimer;
class QToolButton;
class QTreeView;

namespace proda {

class ChainListModel;
class ChainStepModel;
class ConceptInspector;
class DisciplineOverview;
class GraphCanvas;
class SearchResultModel;
struct KnowledgeStats;

class KnowledgeWorkspace final : public QWidget {
    Q_OBJECT
  public:
    explicit KnowledgeWorkspace(QWidget* parent = nullptr);

    void setProject(const QString& path, const KnowledgeStats& stats);
    void clearProject();
    // Centres the explorer on a concept (recorded in the history).
    void centerOn(const QString& conceptId);
    // The failure-heat overlay of a round, centred on a concept (none: where the explorer is).
    void showFailureHeat(int round, const QString& centreConcept);
    // The node cap of the neighbourhood ("Show more" doubles it); applies to the next load.
    void setNodeLimit(int limit) { nodeLimit_ = limit; }
    int nodeLimit() const { return nodeLimit_; }
    // True while a query, a layout or the settling animation is under way.
    bool busy() const;
    QString centre() const { return history_.current(); }
    const Neighborhood& shownGraph() const { return graph_; }
    GraphCanvas* canvas() const { return canvas_; }
    ExplorerService* service() const { return service_; }

    // Shows the neighbourhood (0) or the discipline overview (1) tab.
    void showTab(int tab);

    bool exportPng(const QString& file);
    bool exportSvg(const QString& file);
    bool exportGexf(const QString& file, QString* error = nullptr);
    void chooseExport();

  signals:
    void settled(); // nothing pending and the graph at rest
    void message(const QString& text);

  private:
    enum Overlay { NoOverlay, TrainingOverlay, BenchmarkOverlay, FailureOverlay };
    QWidget* buildGraphPane();
    QWidget* buildSidePane();
    void onSearchDone(const SearchResult& r);
    void onNeighborhood(const NeighborhoodResult& r);
    void onDetail(const DetailResult& r);
    void onChain(const ChainResult& r);
    void onOverlay(const OverlayResult& r);
    void load(const QString& conceptId);
    void requestOverlay();
    void updateNavigation();
    void checkSettled();

    ExplorerService* service_;
    NavigationHistory history_;
    Neighborhood graph_;
    int nodeLimit_;
    QLineEdit* search_;
    QTimer* debounce_;
    QLabel* searchInfo_;
    SearchResultModel* results_;
    QTreeView* resultView_;
    ChainListModel* chains_;
    QTreeView* chainView_;
    QLabel* chainInfo_;
    ChainStepModel* steps_;
    QTreeView* stepView_;
    QTabWidget* tabs_;
    GraphCanvas* canvas_;
    QLabel* graphInfo_;
    QLabel* overlayInfo_;
    QToolButton* backButton_;
    QToolButton* forwardButton_;
    QToolButton* moreButton_;
    QSpinBox* radius_;
    QComboBox* overlay_;
    QComboBox* heatRound_; // failure heat: newest evaluation, or a chosen round
    ConceptInspector* inspector_;
    DisciplineOverview* overview_;
};

} // namespace proda
