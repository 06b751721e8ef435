#pragma once
// The graph canvas: a QGraphicsView of one neighbourhood. Layouts arrive computed (off the GUI
// thread) and the nodes are animated from their seed rings to rest. Wheel zooms, dragging the
// background pans, double-clicking a node asks to re-centre on it.
#include "force_layout.h"
#include "store/knowledge_queries.h"

#include <QGraphicsView>
#include <QHash>
#include <QSet>

class QVariantAnimation;

namespace proda {

class NodeItem;
class EdgeItem;

class GraphCanvas final : public QGraphicsView {
    Q_OBJECT
  public:
    explicit GraphCanvas(QWidget* parent = nullptr);

    void setGraph(const Neighborhood& graph, const LayoutResult& layout, bool animate = true);
    void clearGraph(const QString& message);
    // Emphasises the given relations and concepts, dims the rest; empty sets clear the emphasis.
    void highlight(const QSet<QString>& relationIds, const QSet<QString>& conceptIds);
    // Overlay ring colours per concept (absent ids get none); empty clears the overlay.
    void setOverlay(const QHash<QString, QColor>& colors, const QHash<QString, QString>& tips);
    void selectConcept(const QString& id);

    void zoomBy(double factor);
    void fitAll();
    bool animating() const;
    int nodeCount() const { return int(nodes_.size()); }
    int edgeCount() const { return int(edges_.size()); }
    int visibleLabels() const { return visibleLabels_; }
    QSet<QString> highlightedRelations() const;
    QSet<QString> shownConcepts() const;
    QPointF nodePos(const QString& id) const;

    bool exportPng(const QString& file);
    bool exportSvg(const QString& file);

  signals:
    void conceptClicked(const QString& id);
    void conceptActivated(const QString& id); // double-click: re-centre here
    void settled();                           // the layout animation came to rest

  protected:
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    NodeItem* nodeAt(const QPoint& viewPos) const;
    // Shows the labels that fit without overlapping, most important first (level of detail:
    // zoomed out, few fit; zoomed in, all of them).
    void updateLabels();

    QGraphicsScene* scene_;
    std::vector<NodeItem*> nodes_;
    std::vector<EdgeItem*> edges_;
    std::vector<QPointF> from_, to_;
    QVariantAnimation* animation_;
    QString message_;
    bool userZoomed_ = false;
    int visibleLabels_ = 0;
};

} // namespace proda
