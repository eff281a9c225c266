#include "gui/charts.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include "gui/appearance.h"

namespace exemplar::gui {
namespace {

const wxColour grid_colour(0xD0, 0xD4, 0xDA);
const wxColour text_colour(0x30, 0x30, 0x30);
const wxColour quiet_colour(0x80, 0x80, 0x80);
const wxColour bar_colour(0x44, 0x72, 0xC4);

std::unique_ptr<wxGraphicsContext> context_of(wxDC& dc) {
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::CreateFromUnknownDC(dc));
    if (gc) gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
    return gc;
}

wxSize extent(wxGraphicsContext& gc, const wxString& text) {
    double w = 0, h = 0;
    gc.GetTextExtent(text, &w, &h);
    return wxSize(static_cast<int>(std::ceil(w)), static_cast<int>(std::ceil(h)));
}

wxString number_text(double value) { return wxString::FromCDouble(value, 2); }

}  // namespace

void draw_radar(wxDC& dc, const wxRect& area, const RadarData& data) {
    auto gc = context_of(dc);
    if (!gc || area.IsEmpty()) return;
    const wxFont font = ui_font(0);
    const wxFont small = ui_font(-2);
    gc->SetFont(font, text_colour);
    const std::size_t n = data.axes.size();

    int label_w = 0, label_h = extent(*gc, "Hg").GetHeight();
    for (const wxString& axis : data.axes) label_w = std::max(label_w, extent(*gc, axis).GetWidth());
    const int pad = label_h / 2;
    const int legend_h = data.series.empty() ? 0 : label_h + 2 * pad;
    const double radius = std::max(
        10.0, std::min((area.GetWidth() - 2.0 * (label_w + 2 * pad)) / 2.0, (area.GetHeight() - legend_h - 2.0 * (label_h + 2 * pad)) / 2.0));
    const double cx = area.GetLeft() + area.GetWidth() / 2.0;
    const double cy = area.GetTop() + (area.GetHeight() - legend_h) / 2.0;
    const auto angle = [&](std::size_t i) { return -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(std::max<std::size_t>(n, 1)); };
    const auto point = [&](std::size_t i, double r) { return wxPoint2DDouble(cx + r * std::cos(angle(i)), cy + r * std::sin(angle(i))); };
    const double maximum = data.maximum > 0 ? data.maximum : 100;

    // Rings every fifth of the scale, spokes, and the scale along the first spoke.
    gc->SetBrush(*wxTRANSPARENT_BRUSH);
    gc->SetPen(wxPen(grid_colour, 1));
    for (int ring = 1; ring <= 5 && n >= 3; ++ring) {
        wxGraphicsPath path = gc->CreatePath();
        for (std::size_t i = 0; i < n; ++i) {
            const wxPoint2DDouble p = point(i, radius * ring / 5.0);
            if (i == 0) path.MoveToPoint(p); else path.AddLineToPoint(p);
        }
        path.CloseSubpath();
        gc->StrokePath(path);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const wxPoint2DDouble p = point(i, radius);
        gc->StrokeLine(cx, cy, p.m_x, p.m_y);
    }
    gc->SetFont(small, quiet_colour);
    for (int ring = 1; ring <= 5 && n >= 1; ++ring) {
        const wxString text = wxString::Format("%d", static_cast<int>(std::lround(maximum * ring / 5.0)));
        const wxPoint2DDouble p = point(0, radius * ring / 5.0);
        gc->DrawText(text, p.m_x + 4, p.m_y - extent(*gc, text).GetHeight() / 2.0);
    }

    // Axis names outside the rings, aligned away from the centre.
    gc->SetFont(font, text_colour);
    for (std::size_t i = 0; i < n; ++i) {
        const wxSize size = extent(*gc, data.axes[i]);
        const double c = std::cos(angle(i)), s = std::sin(angle(i));
        const wxPoint2DDouble p = point(i, radius + pad);
        double x = p.m_x - size.GetWidth() / 2.0, y = p.m_y - size.GetHeight() / 2.0;
        if (c > 0.3) x = p.m_x;
        if (c < -0.3) x = p.m_x - size.GetWidth();
        if (s > 0.3) y = p.m_y;
        if (s < -0.3) y = p.m_y - size.GetHeight();
        gc->DrawText(data.axes[i], x, y);
    }

    // The series: a filled polygon when every value is there, else the points alone.
    for (const RadarSeries& series : data.series) {
        std::vector<std::optional<wxPoint2DDouble>> points;
        for (std::size_t i = 0; i < n; ++i) {
            const auto value = i < series.values.size() ? series.values[i] : std::nullopt;
            if (value) points.push_back(point(i, radius * std::clamp(*value / maximum, 0.0, 1.0)));
            else points.push_back(std::nullopt);
        }
        const bool complete = n >= 3 && std::all_of(points.begin(), points.end(), [](const auto& p) { return p.has_value(); });
        if (complete) {
            wxGraphicsPath path = gc->CreatePath();
            for (std::size_t i = 0; i < n; ++i) {
                if (i == 0) path.MoveToPoint(*points[i]); else path.AddLineToPoint(*points[i]);
            }
            path.CloseSubpath();
            gc->SetBrush(wxBrush(wxColour(series.colour.Red(), series.colour.Green(), series.colour.Blue(), 48)));
            gc->SetPen(wxPen(series.colour, 2));
            gc->DrawPath(path);
        }
        gc->SetPen(wxPen(series.colour, 1));
        gc->SetBrush(wxBrush(series.colour));
        for (const auto& p : points)
            if (p) gc->DrawEllipse(p->m_x - 3.5, p->m_y - 3.5, 7, 7);
    }

    // The legend, centred under the chart.
    if (!data.series.empty()) {
        const int swatch = label_h * 2 / 3;
        int width = 0;
        for (const RadarSeries& series : data.series) width += swatch + pad + extent(*gc, series.label).GetWidth() + 3 * pad;
        double x = area.GetLeft() + (area.GetWidth() - width) / 2.0;
        const double y = area.GetBottom() - legend_h + pad;
        for (const RadarSeries& series : data.series) {
            gc->SetPen(wxPen(series.colour, 2));
            gc->SetBrush(wxBrush(wxColour(series.colour.Red(), series.colour.Green(), series.colour.Blue(), 96)));
            gc->DrawRectangle(x, y + (label_h - swatch) / 2.0, swatch, swatch);
            x += swatch + pad;
            gc->DrawText(series.label, x, y);
            x += extent(*gc, series.label).GetWidth() + 3 * pad;
        }
    }
}

RadarChart::RadarChart(wxWindow* parent, wxWindowID id) : wxWindow(parent, id) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(*wxWHITE);
    SetMinSize(FromDIP(wxSize(380, 360)));
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(wxBrush(GetBackgroundColour()));
        dc.Clear();
        draw_radar(dc, wxRect(GetClientSize()).Deflate(FromDIP(8)), data_);
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        Refresh();
        event.Skip();
    });
}

void RadarChart::set_data(RadarData data) {
    data_ = std::move(data);
    Refresh();
}

void draw_bars(wxDC& dc, const wxSize& size, int scroll_y, int row_height, const std::vector<Bar>& bars, double maximum) {
    auto gc = context_of(dc);
    if (!gc || bars.empty() || row_height <= 0) return;
    gc->SetFont(ui_font(0), text_colour);
    const int pad = row_height / 4;
    int label_w = 0;
    for (const Bar& bar : bars) label_w = std::max(label_w, extent(*gc, bar.label).GetWidth());
    label_w = std::min(label_w, size.GetWidth() * 2 / 5);
    const int value_w = extent(*gc, "100.00").GetWidth() + 2 * pad;
    const double left = 2 * pad + label_w + pad;
    const double span = std::max(10.0, size.GetWidth() - left - value_w - pad);
    if (maximum <= 0) maximum = 100;

    const int first = std::max(0, scroll_y / row_height);
    const int last = std::min(static_cast<int>(bars.size()) - 1, (scroll_y + size.GetHeight()) / row_height);
    // Light lines every fifth of the scale behind the bars.
    gc->SetPen(wxPen(grid_colour, 1));
    for (int tick = 0; tick <= 5; ++tick) {
        const double x = left + span * tick / 5.0;
        gc->StrokeLine(x, 0, x, size.GetHeight());
    }
    for (int i = first; i <= last; ++i) {
        const Bar& bar = bars[static_cast<std::size_t>(i)];
        const double top = i * row_height - scroll_y;
        const wxSize label = extent(*gc, bar.label);
        gc->Clip(0, top, label_w + 2 * pad, row_height);
        gc->DrawText(bar.label, 2 * pad + label_w - std::min(label.GetWidth(), label_w), top + (row_height - label.GetHeight()) / 2.0);
        gc->ResetClip();
        wxString text = "—";
        double end = left;
        if (bar.value) {
            const double length = span * std::clamp(*bar.value / maximum, 0.0, 1.0);
            gc->SetPen(*wxTRANSPARENT_PEN);
            gc->SetBrush(wxBrush(bar_colour));
            gc->DrawRectangle(left, top + pad, length, row_height - 2 * pad);
            end = left + length;
            text = number_text(*bar.value);
        }
        gc->DrawText(text, end + pad, top + (row_height - extent(*gc, text).GetHeight()) / 2.0);
    }
}

BarChart::BarChart(wxWindow* parent, wxWindowID id) : wxScrolled<wxWindow>(parent, id) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetBackgroundColour(*wxWHITE);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) {
        wxAutoBufferedPaintDC dc(this);
        dc.SetBackground(wxBrush(GetBackgroundColour()));
        dc.Clear();
        int top = 0;
        CalcUnscrolledPosition(0, 0, nullptr, &top);
        draw_bars(dc, GetClientSize(), top, row_height(), bars_, maximum_);
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        Refresh();
        event.Skip();
    });
}

int BarChart::row_height() const { return FromDIP(34); }

void BarChart::set_bars(std::vector<Bar> bars, double maximum) {
    bars_ = std::move(bars);
    maximum_ = maximum;
    SetScrollRate(0, row_height());
    SetVirtualSize(-1, static_cast<int>(bars_.size()) * row_height());
    Refresh();
}

}  // namespace exemplar::gui
