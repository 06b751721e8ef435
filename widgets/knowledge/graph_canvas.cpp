#include "graph_canvas.h"
#include "graph_items.h"

#include <QMouseEvent>
#include <QPainter>
#include <QSvgGenerator>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <unordered_map>

namespace proda {

namespace {
constexpr int kAnimationMs = 450;
QString q(const std::string& s) { return QString::fromStdString(s); }
} // namespace

GraphCanvas::GraphCanvas(QWidget* parent)
    : QGraphicsView(parent), scene_(new QGraphicsScene(this)), animation_(new QVariantAnimation(this)) {
    setScene(scene_);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setViewportUpdateMode(SmartViewportUpdate);
    // The scene has no fixed extent: panning should not stop at the layout's bounding box.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scene_->setItemIndexMethod(QGraphicsScene::NoIndex); // items move every frame while animating
    animation_->setDuration(kAnimationMs);
    animation_->setStartValue(0.0);
    animation_->setEndValue(1.0);
    animation_->setEasingCurve(QEasingCurve::OutCubic);
    connect(animation_, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        const double t = v.toDouble();
        for (std::size_t i = 0; i < nodes_.size(); ++i) nodes_[i]->setPos(from_[i] + (to_[i] - from_[i]) * t);
    });
    connect(animation_, &QVariantAnimation::finished, this, [this] {
        scene_->setItemIndexMethod(QGraphicsScene::BspTreeIndex); // at rest: fast hit tests again
        if (!userZoomed_) fitAll();
        updateLabels();
        emit settled();
    });
    clearGraph(tr("Search for a concept to see its neighbourhood."));
}

void GraphCanvas::clearGraph(const QString& message) {
    animation_->stop();
    scene_->clear();
    nodes_.clear();
    edges_.clear();
    message_ = message;
    viewport()->update();
}

void GraphCanvas::setGraph(const Neighborhood& graph, const LayoutResult& layout, bool animate) {
    animation_->stop();
    scene_->clear();
    nodes_.clear();
    edges_.clear();
    message_.clear();
    userZoomed_ = false;
    scene_->setItemIndexMethod(QGraphicsScene::NoIndex);
    std::unordered_map<std::string, NodeItem*> byId;
    LayoutInput seedIn;
    seedIn.nodes = graph.nodes.size();
    seedIn.depth = graph.depth;
    const auto seeds = seedPositions(seedIn);
    from_.clear();
    to_.clear();
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        const Concept& c = graph.nodes[i];
        auto* node =
            new NodeItem(q(c.id), q(c.term), q(c.type), q(c.discipline), i < graph.depth.size() ? graph.depth[i] : 1);
        const QPointF end =
            i < layout.positions.size() ? QPointF(layout.positions[i].x, layout.positions[i].y) : QPointF();
        from_.push_back(animate ? QPointF(seeds[i].x, seeds[i].y) : end);
        to_.push_back(end);
        node->setPos(from_.back());
        scene_->addItem(node);
        nodes_.push_back(node);
        byId.emplace(c.id, node);
    }
    for (const Relation& r : graph.edges) {
        auto a = byId.find(r.subject), b = byId.find(r.object);
        if (a == byId.end() || b == byId.end()) continue;
        auto* e = new EdgeItem(q(r.id), q(r.type), q(r.predicate), a->second, b->second);
        scene_->addItem(e);
        edges_.push_back(e);
    }
    if (graph.nodes.empty()) message_ = tr("This concept is not in the project.");
    // Fit to the final layout first so the animation plays inside a stable frame.
    QRectF bounds;
    for (const QPointF& p : to_) bounds |= QRectF(p - QPointF(60, 20), p + QPointF(60, 30));
    scene_->setSceneRect(bounds.adjusted(-2000, -2000, 2000, 2000));
    fitInView(bounds.adjusted(-30, -30, 30, 30), Qt::KeepAspectRatio);
    if (transform().m11() > 1.6) setTransform(QTransform::fromScale(1.6, 1.6)); // small graphs: not huge
    centerOn(bounds.center());
    if (animate && !nodes_.empty()) {
        const double s = 1 / transform().m11();
        for (NodeItem* n : nodes_) n->setLabelScale(s), n->setLabelVisible(n->depth() == 0); // cheap frames
        animation_->start();
    } else {
        scene_->setItemIndexMethod(QGraphicsScene::BspTreeIndex);
        updateLabels();
        emit settled();
    }
}

void GraphCanvas::fitAll() {
    QRectF bounds;
    for (NodeItem* n : nodes_) bounds |= n->sceneBoundingRect();
    if (bounds.isEmpty()) return;
    fitInView(bounds.adjusted(-30, -30, 30, 30), Qt::KeepAspectRatio);
    if (transform().m11() > 1.6) setTransform(QTransform::fromScale(1.6, 1.6));
    centerOn(bounds.center());
    updateLabels();
}

void GraphCanvas::updateLabels() {
    const double scale = transform().m11();
    std::vector<NodeItem*> order(nodes_.begin(), nodes_.end());
    auto rank = [](const NodeItem* n) { return n->depth() == 0 ? 0 : n->highlighted() ? 1 : n->isSelected() ? 2 : 3; };
    std::stable_sort(order.begin(), order.end(), [&rank](const NodeItem* a, const NodeItem* b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        if (a->depth() != b->depth()) return a->depth() < b->depth();
        return a->degree() > b->degree();
    });
    std::vector<QRectF> placed;
    placed.reserve(order.size());
    visibleLabels_ = 0;
    for (NodeItem* n : order) {
        n->setLabelScale(1 / scale);
        const QSizeF px = n->labelPixelSize();
        const QPointF at = mapFromScene(n->pos());
        const QRectF box(at.x() - px.width() / 2, at.y() + (n->radius() + 2) * scale, px.width(), px.height());
        // Far out, only the centre and the highlighted path keep their names.
        bool fits = rank(n) <= 1 || scale >= 0.3;
        for (std::size_t i = 0; fits && i < placed.size(); ++i) fits = !placed[i].intersects(box);
        if (rank(n) <= 1) fits = true;
        n->setLabelVisible(fits);
        if (fits) placed.push_back(box), ++visibleLabels_;
    }
}

bool GraphCanvas::animating() const { return animation_->state() == QAbstractAnimation::Running; }

void GraphCanvas::highlight(const QSet<QString>& relationIds, const QSet<QString>& conceptIds) {
    const bool any = !relationIds.isEmpty() || !conceptIds.isEmpty();
    for (EdgeItem* e : edges_) {
        const bool on = relationIds.contains(e->id());
        e->setEmphasis(on, any && !on);
    }
    for (NodeItem* n : nodes_) {
        const bool on = conceptIds.contains(n->id());
        n->setEmphasis(on, any && !on);
    }
    if (!animating()) updateLabels(); // the path's labels take precedence
}

void GraphCanvas::setOverlay(const QHash<QString, QColor>& colors, const QHash<QString, QString>& tips) {
    for (NodeItem* n : nodes_) n->setOverlay(colors.value(n->id()), tips.value(n->id()));
}

void GraphCanvas::selectConcept(const QString& id) {
    scene_->clearSelection();
    for (NodeItem* n : nodes_)
        if (n->id() == id) n->setSelected(true);
}

QSet<QString> GraphCanvas::highlightedRelations() const {
    QSet<QString> out;
    for (EdgeItem* e : edges_)
        if (e->highlighted()) out.insert(e->id());
    return out;
}

QSet<QString> GraphCanvas::shownConcepts() const {
    QSet<QString> out;
    for (NodeItem* n : nodes_) out.insert(n->id());
    return out;
}

QPointF GraphCanvas::nodePos(const QString& id) const {
    for (NodeItem* n : nodes_)
        if (n->id() == id) return n->pos();
    return {};
}

void GraphCanvas::zoomBy(double factor) {
    const double scale = transform().m11() * factor;
    if (scale < 0.05 || scale > 8) return;
    userZoomed_ = true;
    this->scale(factor, factor);
    if (!animating()) updateLabels();
}

void GraphCanvas::wheelEvent(QWheelEvent* event) {
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

NodeItem* GraphCanvas::nodeAt(const QPoint& viewPos) const {
    for (QGraphicsItem* item : items(viewPos))
        if (item->type() == NodeItem::Type) return static_cast<NodeItem*>(item);
    return nullptr;
}

void GraphCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    if (NodeItem* n = nodeAt(event->position().toPoint())) {
        emit conceptActivated(n->id());
        return;
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void GraphCanvas::mouseReleaseEvent(QMouseEvent* event) {
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        if (NodeItem* n = nodeAt(event->position().toPoint())) emit conceptClicked(n->id());
}

void GraphCanvas::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (!userZoomed_ && !animating()) fitAll();
}

void GraphCanvas::drawForeground(QPainter* painter, const QRectF& rect) {
    QGraphicsView::drawForeground(painter, rect);
    if (message_.isEmpty()) return;
    // Empty state in view coordinates, centred, independent of zoom.
    painter->save();
    painter->resetTransform();
    painter->setPen(palette().color(QPalette::PlaceholderText));
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    painter->setFont(f);
    painter->drawText(viewport()->rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap, message_);
    painter->restore();
}

bool GraphCanvas::exportPng(const QString& file) {
    const QRectF bounds = scene_->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (bounds.isEmpty()) return false;
    QImage image((bounds.size() * 2).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter p(&image);
    p.setRenderHints(renderHints());
    scene_->render(&p, QRectF(), bounds);
    p.end();
    return image.save(file, "PNG");
}

bool GraphCanvas::exportSvg(const QString& file) {
    const QRectF bounds = scene_->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    if (bounds.isEmpty()) return false;
    QSvgGenerator svg;
    svg.setFileName(file);
    svg.setSize(bounds.size().toSize());
    svg.setViewBox(QRectF(QPointF(), bounds.size()));
    svg.setTitle(tr("ProDa knowledge neighbourhood"));
    QPainter p;
    if (!p.begin(&svg)) return false;
    scene_->render(&p, QRectF(QPointF(), bounds.size()), bounds);
    return p.end();
}

} // namespace proda
