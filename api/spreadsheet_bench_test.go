package api

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/plancast/plancast"
)

// nationwideAssessment is an answer the size of bench/scale.sh's: 2,850
// regions × 12 targets = 34,200 judged targets, with the catalog behind it.
func nationwideAssessment() (*AssessmentResponse, *catalogMemo) {
	cat := &catalogMemo{regions: map[string]plancast.Region{}, indicators: map[string]plancast.Indicator{}}
	for i := range 12 {
		code := fmt.Sprintf("indicator_%02d", i)
		cat.indicators[code] = plancast.Indicator{Code: code, Name: "Indicator " + code, NameZh: "指标" + code, Unit: plancast.Unit100mYuan}
	}
	resp := &AssessmentResponse{Plan: "14th-fyp"}
	for r := range 2850 {
		region := fmt.Sprintf("county_%04d", r)
		cat.regions[region] = plancast.Region{Code: region, Name: "County " + region, NameZh: "县" + region}
		for i := range 12 {
			g, h, prog := 0.0812+float64(i)/1000, 0.0632, 0.51
			a := plancast.Assessment{
				Target:    plancast.Target{Region: region, Indicator: fmt.Sprintf("indicator_%02d", i), Plan: "14th-fyp", Kind: plancast.TargetLevel, Year: 2025, Value: 250},
				Indicator: fmt.Sprintf("indicator_%02d", i), Year: 2025, Kind: plancast.TargetLevel, TargetValue: 250,
				LatestYear: 2020, LatestValue: 120.8 + float64(r%100), RequiredGrowth: &g, HistoricalGrowth: &h,
				Projected:   &plancast.ProjectionPoint{Year: 2025, Mean: 147.24052180703663, Lo80: 124.85279843614191, Hi80: 190.04474705840622, Lo95: 103.2443950864949, Hi95: 225.6764990443068},
				Probability: 0.010919450523572571, Status: plancast.StatusOffTrack, Progress: &prog,
				Explanation:   "projected 147.2 for 2025 (95% interval 103.2 to 225.7) against a target of 250: probability 1% (off_track); needs 15.7% a year from 2020 (history: 6.3% a year)",
				ExplanationZh: "预计2025年为147.2（95%区间103.2至225.7），目标250：达成概率1%（难以实现）；自2020年起需年均增长15.7%（历史年均6.3%）",
			}
			resp.Assessments = append(resp.Assessments, AssessmentItem{Region: region, Plan: "14th-fyp", Assessment: a})
		}
	}
	return resp, cat
}

// BenchmarkNationwideDownload lays out and writes the nationwide assessment
// as each download, beside the JSON answer's own encoding (the peer: what
// every assessment answer already costs).
func BenchmarkNationwideDownload(b *testing.B) {
	resp, cat := nationwideAssessment()
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			body, err := json.Marshal(resp)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(len(body)), "bytes")
		}
	})
	for _, format := range []string{formatCSV, formatXLSX} {
		b.Run(format, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				body, err := assessmentTable(resp, cat, "en", "1").render(format)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(body)), "bytes")
			}
		})
	}
}
