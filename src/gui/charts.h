// Charts drawn by the app itself (wxGraphicsContext, no chart library): a
// radar of a person's dimension scores, and horizontal bars of the
// departments' mean totals. Each is a draw function (usable on any DC, e.g.
// a bitmap in tests) and a window that paints with it.
//   auto* radar = new RadarChart(parent);
//   radar->set_data({{"绝对忠诚", …}, {{_("Self-review"), blue, self}, {_("Others"), orange, others}}});
#pragma once

#include <optional>
#include <vector>

#include <wx/colour.h>
#include <wx/scrolwin.h>
#include <wx/string.h>
#include <wx/window.h>

class wxDC;

namespace exemplar::gui {

struct RadarSeries {
    wxString label;
    wxColour colour;
    std::vector<std::optional<double>> values;  // one per axis, 0..maximum; undefined: no point
};

struct RadarData {
    std::vector<wxString> axes;
    std::vector<RadarSeries> series;
    double maximum = 100;
};

// Draws the radar (rings, spokes, axis names, the series, a legend) in `area` of `dc`.
void draw_radar(wxDC& dc, const wxRect& area, const RadarData& data);

class RadarChart : public wxWindow {
public:
    explicit RadarChart(wxWindow* parent, wxWindowID id = wxID_ANY);
    void set_data(RadarData data);
    const RadarData& data() const { return data_; }

private:
    RadarData data_;
};

struct Bar {
    wxString label;
    std::optional<double> value;  // undefined: "—", no bar
};

// One row a bar, `row_height` high; row i at y = i × row_height − scroll_y.
// Only the rows inside `size` are drawn. Value scale 0..maximum.
void draw_bars(wxDC& dc, const wxSize& size, int scroll_y, int row_height, const std::vector<Bar>& bars,
               double maximum);

// The bars in a vertically scrolling window: only the rows in view are drawn.
class BarChart : public wxScrolled<wxWindow> {
public:
    explicit BarChart(wxWindow* parent, wxWindowID id = wxID_ANY);
    void set_bars(std::vector<Bar> bars, double maximum = 100);
    const std::vector<Bar>& bars() const { return bars_; }
    int row_height() const;

private:
    std::vector<Bar> bars_;
    double maximum_ = 100;
};

}  // namespace exemplar::gui
