package report

import "testing"

// A report's surveyed urban unemployment rate (城镇调查失业率, "surveyed
// urban unemployment rate") is surveyed_unemployment_rate, its registered
// rate (城镇登记失业率) unemployment_rate, as ingest's tables read them: the
// two are different statistics, and a target set on the surveyed rate was
// judged on the registered figures. A rate named neither way stays the
// registered one, which counties publish.
func TestAReportsSurveyedAndRegisteredUnemploymentRatesAreTwoIndicators(t *testing.T) {
	ex := read(t, "主要预期目标：城镇调查失业率控制在5.5%以内，城镇登记失业率控制在4.5%以内。", 2024)
	wantValue(t, "surveyed", target(t, ex, "surveyed_unemployment_rate", "2024-annual", "ceiling").Value, 5.5)
	wantValue(t, "registered", target(t, ex, "unemployment_rate", "2024-annual", "ceiling").Value, 4.5)

	ex = read(t, "The main targets for this year: the surveyed urban unemployment rate kept within 5.5%; "+
		"the registered urban unemployment rate within 4.5%.", 2024)
	wantValue(t, "surveyed (en)", target(t, ex, "surveyed_unemployment_rate", "2024-annual", "ceiling").Value, 5.5)
	wantValue(t, "registered (en)", target(t, ex, "unemployment_rate", "2024-annual", "ceiling").Value, 4.5)

	ex = read(t, "主要预期目标：失业率控制在4.5%以内。", 2024)
	wantValue(t, "unnamed", target(t, ex, "unemployment_rate", "2024-annual", "ceiling").Value, 4.5)
}
