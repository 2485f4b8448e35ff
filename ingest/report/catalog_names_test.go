package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/plancast/plancast"
)

// A bureau's catalog declares indicators the reader has no words of its
// own for, with their Chinese and English names. The reader reads them by
// those names; a figure it still cannot attribute to any indicator is
// listed as unread, never dropped silently.

// bureauCatalog is a catalog as a bureau declares it: two built-in
// indicators, one under a longer Chinese name, and two of its own, one in a
// unit the reader cannot convert to.
var bureauCatalog = []plancast.Indicator{
	{Code: "gdp", Name: "Gross regional product", NameZh: "地区生产总值", Unit: "100m_yuan", Kind: plancast.KindLevel, Better: plancast.BetterHigher},
	{Code: "secondary_industry_share", Name: "Secondary industry share of GDP", NameZh: "第二产业占GDP比重", Unit: "percent", Kind: plancast.KindRate, Better: plancast.BetterHigher},
	{Code: "urbanization_rate", Name: "Urbanisation rate of resident population", NameZh: "常住人口城镇化率", Unit: "percent", Kind: plancast.KindRate, Better: plancast.BetterHigher},
	{Code: "energy_intensity", Name: "Energy consumption per 10k yuan of GDP", NameZh: "万元地区生产总值能耗", Unit: "tce_per_10k_yuan", Kind: plancast.KindLevel, Better: plancast.BetterLower},
}

const communique2025 = "云河县2025年国民经济和社会发展统计公报\n\n" +
	"全年地区生产总值250亿元，比上年增长5.5%。年末全县常住人口城镇化率56.3%，比上年提高1.2个百分点。" +
	"万元地区生产总值能耗0.66吨标准煤，比上年下降3.1%。第二产业占GDP比重40.2%。\n" +
	"全年接待游客320万人次，实现旅游收入28.6亿元。\n"

func readWith(t *testing.T, text string, catalog []plancast.Indicator) *Extraction {
	t.Helper()
	ex, err := Extract([]byte(text), Options{Region: "yunhe", Document: t.Name(), Indicators: catalog})
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

func TestTheCatalogsIndicatorsAreReadByTheirNames(t *testing.T) {
	ex := readWith(t, communique2025, bureauCatalog)
	urb := obs(t, ex, "urbanization_rate", 2025, "year")
	wantValue(t, "urbanization rate", urb.Value, 56.3)
	if urb.Unit != "percent" {
		t.Errorf("urbanization rate unit %q, want percent", urb.Unit)
	}
	wantAccepted(t, ex, urb.Provenance, "urbanization_rate 2025")
	wantValue(t, "secondary industry share", obs(t, ex, "secondary_industry_share", 2025, "year").Value, 40.2)

	// 吨标准煤 is no unit the reader converts to tce_per_10k_yuan: the number
	// as written, with its stated fall, for review.
	en := obs(t, ex, "energy_intensity", 2025, "year")
	wantValue(t, "energy intensity", en.Value, 0.66)
	wantGrowth(t, en, -3.1, "yoy")
	if !en.NeedsReview || !strings.Contains(strings.Join(en.Reasons, "; "), "tce_per_10k_yuan") {
		t.Errorf("energy intensity: review %v, reasons %v; want it for review, saying the unit", en.NeedsReview, en.Reasons)
	}

	// The tourism sentence names no indicator: both its figures are unread.
	var unread []string
	for _, u := range ex.Unread {
		unread = append(unread, u.Original)
		if !strings.Contains(u.Sentence, "旅游") || u.Name != "" || u.Reason == "" {
			t.Errorf("unread %+v: want only the tourism sentence's figures, naming nothing, with a reason", u)
		}
	}
	if strings.Join(unread, " ") != "320万人 28.6亿元" {
		t.Errorf("unread %q, want the tourism sentence's two figures", unread)
	}

	// The English names, in an English text.
	ex = readWith(t, "Statistical Communique of Yunhe County on the 2025 National Economic and Social Development\n\n"+
		"At the end of the year, the urbanisation rate of resident population was 56.3%. Energy consumption per 10k yuan of GDP was 0.66 tons of standard coal.\n", bureauCatalog)
	wantValue(t, "urbanization rate (en)", obs(t, ex, "urbanization_rate", 2025, "year").Value, 56.3)
	wantValue(t, "energy intensity (en)", obs(t, ex, "energy_intensity", 2025, "year").Value, 0.66)
}

func TestFiguresNoIndicatorIsReadFromAreListedUnread(t *testing.T) {
	// The built-in catalog has no urbanisation rate and no energy
	// intensity: their figures are listed with the names the text gives
	// them, the tourism sentence's with none.
	ex := readWith(t, communique2025, nil)
	want := map[string]string{
		"56.3%": "城镇化率", "1.2个百分点": "城镇化率", "0.66吨": "万元地区生产总值", "3.1%": "万元地区生产总值",
		"320万人": "", "28.6亿元": "",
	}
	got := map[string]string{}
	for _, u := range ex.Unread {
		got[u.Original] = u.Name
		if u.Reason == "" || !strings.Contains(u.Sentence, u.Original) || u.OriginalStart < u.Start || u.OriginalEnd > u.End ||
			communique2025[u.OriginalStart:u.OriginalEnd] != u.Original || communique2025[u.Start:u.End] != u.Sentence {
			t.Errorf("unread %+v: want its sentence, its figure at its offsets in the input, and why", u)
		}
	}
	for orig, name := range want {
		if n, ok := got[orig]; !ok || n != name {
			t.Errorf("unread %q: listed %v, named %q; want it listed, named %q (all: %+v)", orig, ok, n, name, ex.Unread)
		}
	}
	if len(got) != len(want) {
		t.Errorf("unread %v, want %v", got, want)
	}
	obs(t, ex, "gdp", 2025, "year")
	obs(t, ex, "secondary_industry_share", 2025, "year")

	// A text without figures lists none, as an empty list.
	b, err := json.Marshal(readWith(t, "云河县2025年工作总结\n\n全年工作稳步推进。\n", nil))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"unread":[]`) {
		t.Errorf("a text without figures: %s; want \"unread\":[]", b)
	}
}
