#include "graph_items.h"
#include "graph_style.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

namespace proda {

namespace {
constexpr int kLabelChars = 28;
const QFont& labelFont() {
    static const QFont f = [] {
        QFont font;
        font.setPointSizeF(8.5);
        return font;
    }();
    return f;
}
} // namespace

NodeItem::NodeItem(QString id, QString term, QString type, QString discipline, int depth)
    : id_(std::move(id)), term_(std::move(term)), type_(std::move(type)), discipline_(std::move(discipline)),
      depth_(depth), color_(graphstyle::disciplineColor(discipline_)) {
    label_ = term_.size() > kLabelChars ? term_.left(kLabelChars - 1) + QChar(0x2026) : term_;
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(depth_ == 0 ? 3 : 2);
    setToolTip(QStringLiteral("<b>%1</b><br>%2 \u00b7 %3")
                   .arg(term_.toHtmlEscaped(), type_.toHtmlEscaped(), discipline_.toHtmlEscaped()));
}

QSizeF NodeItem::labelPixelSize() const {
    QFont f = labelFont();
    f.setBold(true); // the widest case, so a label never outgrows its reserved box
    const QFontMetricsF fm(f);
    return {fm.horizontalAdvance(label_) + 6, fm.height() + 1};
}

QRectF NodeItem::boundingRect() const {
    const double r = radius() + 4;
    const QSizeF px = labelPixelSize();
    const QRectF label(-px.width() / 2 * labelScale_, radius() + 2, px.width() * labelScale_,
                       px.height() * labelScale_);
    return QRectF(-r, -r, 2 * r, 2 * r).united(label);
}

void NodeItem::setLabelScale(double scale) {
    if (qFuzzyCompare(scale, labelScale_)) return;
    prepareGeometryChange();
    labelScale_ = scale;
}

void NodeItem::setLabelVisible(bool visible) {
    if (visible == labelVisible_) return;
    labelVisible_ = visible;
    update();
}

QPainterPath NodeItem::shape() const {
    QPainterPath p;
    p.addEllipse(QPointF(), radius() + 2, radius() + 2);
    return p;
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const double r = radius();
    painter->setOpacity(dimmed_ ? 0.25 : 1.0);
    if (overlay_.isValid()) { // overlay: a thick ring in the overlay colour around the discipline fill
        painter->setPen(QPen(overlay_, 5));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QPointF(), r + 2.5, r + 2.5);
    }
    const bool selected = isSelected();
    painter->setPen(
        QPen(selected || highlighted_ ? QColor(0x202020) : color_.darker(150), selected || highlighted_ ? 2.5 : 1));
    painter->setBrush(color_);
    painter->drawEllipse(QPointF(), r, r);
    if (depth_ == 0) { // the centre: an inner dot so it reads as "you are here" without colour
        painter->setBrush(Qt::white);
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(QPointF(), 3.5, 3.5);
    }
    if (labelVisible_ || hovered_ || selected) {
        // Drawn in pixel units below the node, so the text stays readable at any zoom.
        painter->save();
        painter->translate(0, r + 2);
        painter->scale(labelScale_, labelScale_);
        QFont f = labelFont();
        f.setBold(depth_ == 0 || highlighted_);
        painter->setFont(f);
        const QSizeF px = labelPixelSize();
        const QRectF box(-px.width() / 2, 0, px.width(), px.height());
        // A translucent plate under the text keeps labels readable over crossing edges.
        const QColor base = option->palette.color(QPalette::Base);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(base.red(), base.green(), base.blue(), 210));
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(option->palette.color(QPalette::Text));
        painter->drawText(box, Qt::AlignCenter, label_);
        painter->restore();
    }
}

void NodeItem::setOverlay(const QColor& fill, const QString& text) {
    overlay_ = fill;
    overlayText_ = text;
    QString tip = QStringLiteral("<b>%1</b><br>%2 \u00b7 %3")
                      .arg(term_.toHtmlEscaped(), type_.toHtmlEscaped(), discipline_.toHtmlEscaped());
    if (!text.isEmpty()) tip += QStringLiteral("<br>") + text.toHtmlEscaped();
    setToolTip(tip);
    update();
}

void NodeItem::setEmphasis(bool highlighted, bool dimmed) {
    if (highlighted == highlighted_ && dimmed == dimmed_) return;
    highlighted_ = highlighted;
    dimmed_ = dimmed;
    setZValue(highlighted ? 4 : depth_ == 0 ? 3 : 2);
    update();
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionHasChanged)
        for (EdgeItem* e : edges_) e->adjust();
    return QGraphicsItem::itemChange(change, value);
}

void NodeItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    hovered_ = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void NodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    hovered_ = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

// --- edges ---------------------------------------------------------------------------------------

EdgeItem::EdgeItem(QString id, QString relationType, QString predicate, NodeItem* from, NodeItem* to)
    : id_(std::move(id)), type_(std::move(relationType)), predicate_(std::move(predicate)), from_(from), to_(to) {
    from_->addEdge(this);
    to_->addEdge(this);
    setZValue(1);
    setAcceptHoverEvents(true);
    setToolTip(QStringLiteral("%1 <b>%2</b> %3<br><small>%4</small>")
                   .arg(from_->term().toHtmlEscaped(), predicate_.toHtmlEscaped(), to_->term().toHtmlEscaped(), type_));
    adjust();
}

void EdgeItem::adjust() {
    const QPointF p = from_->pos(), q = to_->pos();
    const QLineF line(p, q);
    prepareGeometryChange();
    if (line.length() < 1e-3) {
        a_ = b_ = p;
        return;
    }
    // Stop at the node rims so the arrowhead stays visible.
    const QPointF unit = (q - p) / line.length();
    a_ = p + unit * from_->radius();
    b_ = q - unit * (to_->radius() + 1);
}

QRectF EdgeItem::boundingRect() const { return QRectF(a_, b_).normalized().adjusted(-8, -8, 8, 8); }

QPainterPath EdgeItem::shape() const {
    QPainterPath path(a_);
    path.lineTo(b_);
    QPainterPathStroker stroker;
    stroker.setWidth(7); // easy to hover for the predicate tooltip
    return stroker.createStroke(path);
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QLineF line(a_, b_);
    if (line.length() < 1) return;
    QPen pen = graphstyle::relationPen(type_);
    if (highlighted_) pen.setWidthF(pen.widthF() + 2.5);
    painter->setOpacity(dimmed_ ? 0.15 : highlighted_ ? 1.0 : 0.75);
    painter->setPen(pen);
    painter->drawLine(line);
    const double angle = std::atan2(-line.dy(), line.dx());
    const double size = highlighted_ ? 10 : 7;
    const QPointF tip = b_;
    const QPointF l = tip - QPointF(std::cos(angle - M_PI / 7) * size, -std::sin(angle - M_PI / 7) * size);
    const QPointF r = tip - QPointF(std::cos(angle + M_PI / 7) * size, -std::sin(angle + M_PI / 7) * size);
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen.color());
    painter->drawPolygon(QPolygonF({tip, l, r}));
}

void EdgeItem::setEmphasis(bool highlighted, bool dimmed) {
    if (highlighted == highlighted_ && dimmed == dimmed_) return;
    highlighted_ = highlighted;
    dimmed_ = dimmed;
    setZValue(highlighted ? 1.5 : 1);
    update();
}

} // namespace proda
