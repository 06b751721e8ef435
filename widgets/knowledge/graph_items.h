#pragma once
// Scene items of the graph canvas. Nodes paint their label only when the view is zoomed in far
// enough to read it (level of detail), except the centre and highlighted nodes, which always do.
#include <QGraphicsItem>

namespace proda {

class EdgeItem;

class NodeItem final : public QGraphicsItem {
  public:
    enum { Type = UserType + 1 };
    NodeItem(QString id, QString term, QString type, QString discipline, int depth);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const QString& id() const { return id_; }
    const QString& term() const { return term_; }
    const QString& discipline() const { return discipline_; }
    int depth() const { return depth_; }
    void addEdge(EdgeItem* e) { edges_.push_back(e); }
    // Overlay fill (invalid colour = none) and emphasis state (path highlight).
    void setOverlay(const QColor& fill, const QString& text);
    void setEmphasis(bool highlighted, bool dimmed);
    bool highlighted() const { return highlighted_; }
    double radius() const { return depth_ == 0 ? 13 : 8; }
    // Labels keep their pixel size at any zoom (scale = 1 / view scale); the canvas decides which
    // labels fit without overlapping and shows only those.
    void setLabelScale(double scale);
    void setLabelVisible(bool visible);
    QSizeF labelPixelSize() const;
    int degree() const { return int(edges_.size()); }

  protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

  private:
    QString id_, term_, label_, type_, discipline_;
    int depth_;
    QColor color_, overlay_;
    QString overlayText_;
    std::vector<EdgeItem*> edges_;
    bool highlighted_ = false, dimmed_ = false, hovered_ = false, labelVisible_ = false;
    double labelScale_ = 1;
};

class EdgeItem final : public QGraphicsItem {
  public:
    enum { Type = UserType + 2 };
    EdgeItem(QString id, QString relationType, QString predicate, NodeItem* from, NodeItem* to);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const QString& id() const { return id_; }
    const QString& relationType() const { return type_; }
    const QString& predicate() const { return predicate_; }
    NodeItem* from() const { return from_; }
    NodeItem* to() const { return to_; }
    void adjust(); // follows the end nodes
    void setEmphasis(bool highlighted, bool dimmed);
    bool highlighted() const { return highlighted_; }

  private:
    QString id_, type_, predicate_;
    NodeItem* from_;
    NodeItem* to_;
    QPointF a_, b_;
    bool highlighted_ = false, dimmed_ = false;
};

} // namespace proda
