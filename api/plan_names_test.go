package api_test

import (
	"bytes"
	"net/url"
	"testing"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// A plan is named in a request as the Chinese dashboard prints it and as a
// targets file gives it: 十四五 is the 14th Five-Year Plan, 2021年计划 and
// 2021年 the 2021 plan, on every route that reads a plan, answering as its
// code does. A bare number or ordinal ("15th", "2026") is not guessed at
// but refused with the code it stands for.
func TestAPlanIsReadByItsChineseNameAndANumberIsOfferedItsCode(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{})
	for _, c := range []struct{ route, named, code string }{
		{"/api/v1/regions/houma/assessment?", "十四五", "14th-fyp"},
		{"/api/v1/regions/houma/assessment?", "十四五规划", "14th-fyp"},
		{"/api/v1/regions/houma/assessment?", "2021年计划", "2021-annual"},
		{"/api/v1/regions/houma/assessment?", "2021年", "2021-annual"},
		{"/api/v1/assessment?", "２０２２年计划", "2022-annual"},
		{"/api/v1/regions/houma/assessment/trail?indicator=gdp&", "十四五", "14th-fyp"},
		{"/api/v1/targets?region=houma&", "2021年计划", "2021-annual"},
	} {
		want := s.get(c.route + "plan=" + c.code)
		got := s.get(c.route + "plan=" + url.QueryEscape(c.named))
		if want.status != 200 || got.status != 200 || !bytes.Equal(got.body, want.body) {
			t.Errorf("GET %splan=%s: %d %.300s\nwant as plan=%s: %d %.300s", c.route, c.named, got.status, got.body, c.code, want.status, want.body)
		}
	}
	for _, c := range []struct{ path, wants string }{
		{"/api/v1/regions/houma/assessment?plan=15th", `plan="15th" must look like 14th-fyp or 2021-annual; did you mean "15th-fyp"?`},
		{"/api/v1/regions/houma/assessment?plan=2026", `plan="2026" must look like 14th-fyp or 2021-annual; did you mean "2026-annual"?`},
		{"/api/v1/assessment?plan=14", `plan="14" must look like 14th-fyp or 2021-annual; did you mean "14th-fyp"?`},
		{"/api/v1/targets?plan=2021", `plan="2021" must look like 14th-fyp or 2021-annual; did you mean "2021-annual"?`},
		{"/api/v1/regions/houma/assessment?plan=" + url.QueryEscape("下一个五年"), `plan="下一个五年" must look like 14th-fyp or 2021-annual`},
	} {
		if msg := s.get(c.path).wantError(t, 400, "invalid"); msg != c.wants {
			t.Errorf("GET %s: %q\nwant %q", c.path, msg, c.wants)
		}
	}
	// A withdrawal names its plan in the path, read the same way.
	houma := token(t, st, plancast.Token{Region: "houma"})
	if msg := s.do("DELETE", "/api/v1/targets/houma/gdp/"+url.PathEscape("十五五")+"/2025?kind=level", "", houma, nil).wantError(t, 404, "not_found"); msg != "no level target of houma/gdp in 15th-fyp for 2025 is stored: nothing to withdraw" {
		t.Errorf("DELETE …/十五五/2025: %q", msg)
	}
	if msg := s.do("DELETE", "/api/v1/targets/houma/gdp/15th/2025?kind=level", "", houma, nil).wantError(t, 400, "invalid"); msg != `plan "15th" must look like 14th-fyp or 2021-annual; did you mean "15th-fyp"?` {
		t.Errorf("DELETE …/15th/2025: %q", msg)
	}
}
