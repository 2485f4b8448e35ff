package api_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"image/png"
	"io"
	"math"
	"net"
	"net/http"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/seed"
	"github.com/plancast/plancast/store/bolt"
	"github.com/plancast/plancast/store/influx/influxtest"
	"github.com/xuri/excelize/v2"
)

// backends opens a fresh store of each kind, loaded with the seed dataset.
// InfluxDB runs when scripts/test.sh provides a server (it always does).
var backends = []struct {
	name string
	open func(t *testing.T) plancast.Store
}{
	{"bolt", func(t *testing.T) plancast.Store {
		st, err := bolt.Open(filepath.Join(t.TempDir(), bolt.FileName))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}},
	{"influx", func(t *testing.T) plancast.Store { return influxtest.Open(t) }},
}

// server is a running plancast server on a loopback port.
type server struct {
	t    *testing.T
	url  string
	st   plancast.Store
	srv  *api.Server
	http *http.Client
}

func startServer(t *testing.T, st plancast.Store, cfg api.Config) *server {
	t.Helper()
	cfg.Store = st
	srv := api.New(cfg)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server stopped with %v", err)
		}
	})
	// A transport without automatic gzip, so that the gzip test sees the header.
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableCompression: true}}
	return &server{t: t, url: "http://" + ln.Addr().String(), st: st, srv: srv, http: client}
}

func seeded(t *testing.T, st plancast.Store) plancast.Store {
	t.Helper()
	if _, err := seed.Load(context.Background(), st); err != nil {
		t.Fatalf("seed: %v", err)
	}
	return st
}

// token stores a token and returns its secret.
func token(t *testing.T, st plancast.Store, tok plancast.Token) string {
	t.Helper()
	secret, hash := plancast.NewTokenSecret()
	tok.Hash, tok.Created = hash, time.Now()
	if tok.Scope == "" {
		tok.Scope = plancast.ScopeWrite
	}
	if err := st.PutToken(context.Background(), tok); err != nil {
		t.Fatal(err)
	}
	return secret
}

type response struct {
	status int
	header http.Header
	body   []byte
}

func (s *server) do(method, path, contentType, tok string, body []byte, headers ...string) response {
	s.t.Helper()
	req, err := http.NewRequest(method, s.url+path, bytes.NewReader(body))
	if err != nil {
		s.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := s.http.Do(req)
	if err != nil {
		s.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: b}
}

func (s *server) get(path string) response { return s.do(http.MethodGet, path, "", "", nil) }

// decode parses a JSON answer, failing the test on a status other than want.
func (r response) decode(t *testing.T, want int, v any) {
	t.Helper()
	if r.status != want {
		t.Fatalf("status %d, want %d: %s", r.status, want, r.body)
	}
	if v != nil {
		if err := json.Unmarshal(r.body, v); err != nil {
			t.Fatalf("decode %s: %v", r.body, err)
		}
	}
}

// wantError checks a status and the error envelope's code.
func (r response) wantError(t *testing.T, status int, code string) string {
	t.Helper()
	var e api.ErrorResponse
	r.decode(t, status, &e)
	if e.Error.Code != code || e.Error.Message == "" {
		t.Fatalf("error = %+v, want code %q with a message", e.Error, code)
	}
	return e.Error.Message
}

func TestEndToEnd(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			st := seeded(t, b.open(t))
			s := startServer(t, st, api.Config{})
			houma := token(t, st, plancast.Token{Region: "houma", Name: "Houma bureau"})
			zizhou := token(t, st, plancast.Token{Region: "zizhou"})
			reader := token(t, st, plancast.Token{Scope: plancast.ScopeRead})

			t.Run("Health", func(t *testing.T) {
				var h api.Health
				s.get("/healthz").decode(t, 200, &h)
				if h.Status != "ok" || h.DataVersion == "" {
					t.Fatalf("health = %+v", h)
				}
			})
			t.Run("Catalog", func(t *testing.T) { testCatalog(t, s) })
			t.Run("Series", func(t *testing.T) { testSeries(t, s) })
			t.Run("Projection", func(t *testing.T) { testProjection(t, s) })
			t.Run("HoumaGDPTargetIsOffTrack", func(t *testing.T) { testHoumaAssessment(t, s) })
			t.Run("AssessmentAcrossRegions", func(t *testing.T) { testAllAssessment(t, s) })
			t.Run("Downloads", func(t *testing.T) { testDownloads(t, s) })
			t.Run("WritesNeedTheRightToken", func(t *testing.T) { testWriteAuth(t, s, houma, zizhou, reader) })
			t.Run("RevisionAndAsOf", func(t *testing.T) { testRevisionAsOf(t, s, houma) })
			t.Run("BadPushWritesNothing", func(t *testing.T) { testBadPush(t, s, houma) })
			t.Run("Targets", func(t *testing.T) { testTargets(t, s, houma) })
			t.Run("IfMatchConflict", func(t *testing.T) { testIfMatch(t, s, houma) })
			t.Run("ReportExtract", func(t *testing.T) { testReportExtract(t, s, houma, zizhou) })
			t.Run("Charts", func(t *testing.T) { testCharts(t, s) })
			t.Run("Dashboard", func(t *testing.T) { testDashboard(t, s) })
			t.Run("ErrorsAndHabits", func(t *testing.T) { testErrorsAndHabits(t, s) })
			t.Run("CSVDownloadNeutralisesFormulas", func(t *testing.T) { testCSVInjection(t, s, houma) })
			t.Run("WithdrawAFigure", func(t *testing.T) { testWithdraw(t, s, houma, zizhou) })
			t.Run("WithdrawATarget", func(t *testing.T) { testWithdrawTarget(t, s, houma, zizhou) })
			t.Run("AssessmentAsOfADate", func(t *testing.T) {
				// On a store of its own, whose figures were all published
				// before the day the answer is given: the steps above push
				// figures dated today.
				st := seeded(t, b.open(t))
				testAssessmentAsOf(t, startServer(t, st, api.Config{}), token(t, st, plancast.Token{Region: "houma"}))
			})
			t.Run("Metrics", func(t *testing.T) { testMetrics(t, s) })
			t.Run("AJumpIsRefusedUnlessAccepted", func(t *testing.T) { testJump(t, s, houma) })
		})
	}
}

func testCatalog(t *testing.T, s *server) {
	var regions struct{ Regions []plancast.Region }
	s.get("/api/v1/regions").decode(t, 200, &regions)
	var found bool
	for _, r := range regions.Regions {
		found = found || (r.Code == "houma" && r.NameZh == "侯马市")
	}
	if !found {
		t.Fatalf("regions lack houma/侯马市: %+v", regions.Regions)
	}
	var inds struct{ Indicators []plancast.Indicator }
	s.get("/api/v1/indicators").decode(t, 200, &inds)
	for _, i := range inds.Indicators {
		if i.Code == "gdp" && i.Unit == plancast.Unit100mYuan {
			return
		}
	}
	t.Fatalf("indicators lack gdp in 100m_yuan: %+v", inds.Indicators)
}

func testSeries(t *testing.T, s *server) {
	var sr api.SeriesResponse
	r := s.get("/api/v1/series/houma/gdp")
	r.decode(t, 200, &sr)
	if sr.Unit != "100m_yuan" || len(sr.Observations) != 2 || sr.Observations[0].Value != 88.9 || sr.Observations[1].Value != 120.8 {
		t.Fatalf("series = %+v", sr)
	}
	if sr.Observations[0].Source.Quote == "" || sr.Observations[0].Status != "final" {
		t.Fatalf("observation lacks source or status: %+v", sr.Observations[0])
	}
	if r.header.Get("X-Data-Version") == "" {
		t.Fatal("no X-Data-Version header on a read")
	}
	// pca annualises across the 2015→2020 gap: (120.8/88.9)^(1/5) − 1.
	s.get("/api/v1/series/houma/gdp?units=pca").decode(t, 200, &sr)
	want := 100 * (math.Pow(120.8/88.9, 0.2) - 1)
	if len(sr.Observations) != 1 || math.Abs(sr.Observations[0].Value-want) > 1e-9 || sr.Unit != "percent" {
		t.Fatalf("pca = %+v, want 2020 = %.4f percent", sr.Observations, want)
	}
	s.get("/api/v1/series/houma/gdp?from=2016").decode(t, 200, &sr)
	if len(sr.Observations) != 1 || sr.Observations[0].Year != 2020 {
		t.Fatalf("from=2016 = %+v", sr.Observations)
	}
	csvResp := s.get("/api/v1/series/houma/gdp?format=csv")
	rows, err := csv.NewReader(bytes.NewReader(csvResp.body)).ReadAll()
	if err != nil || csvResp.status != 200 || !strings.HasPrefix(csvResp.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %v %s", csvResp.status, err, csvResp.body)
	}
	if len(rows) != 3 || rows[0][2] != "year" || rows[1][2] != "2015" || rows[1][4] != "88.9" {
		t.Fatalf("csv rows = %v", rows)
	}
	s.get("/api/v1/series/houma/gdp?units=squared").wantError(t, 400, "invalid")
	s.get("/api/v1/series/houma/gdp?as_of=yesterday").wantError(t, 400, "invalid")
	s.get("/api/v1/series/houma/gdp?from=2020&to=2010").wantError(t, 400, "invalid")
	s.get("/api/v1/series/houma/happiness").wantError(t, 404, "not_found")
	s.get("/api/v1/series/atlantis/gdp").wantError(t, 404, "not_found")
	s.get("/api/v1/series/zizhou/gdp").wantError(t, 404, "not_found")
}

func testProjection(t *testing.T, s *server) {
	var p plancast.Projection
	s.get("/api/v1/series/houma/gdp/projection").decode(t, 200, &p)
	if p.Method != "auto" || len(p.Points) != 5 || p.Points[0].Year != 2021 || p.Points[4].Year != 2025 || p.Vintage.IsZero() {
		t.Fatalf("projection = %+v", p)
	}
	for i, q := range p.Points {
		if !(q.Lo95 <= q.Lo80 && q.Lo80 <= q.Mean && q.Mean <= q.Hi80 && q.Hi80 <= q.Hi95) {
			t.Fatalf("point %d not nested: %+v", i, q)
		}
		if i > 0 && q.Hi95-q.Lo95 < p.Points[i-1].Hi95-p.Points[i-1].Lo95 {
			t.Fatalf("95%% interval narrows at %d", q.Year)
		}
	}
	s.get("/api/v1/series/houma/gdp/projection?horizon=12&method=naive").decode(t, 200, &p)
	if p.Method != "naive" || len(p.Points) != 12 || p.Points[0].Mean != 120.8 {
		t.Fatalf("naive projection = %+v", p)
	}
	s.get("/api/v1/series/houma/gdp/projection?horizon=21").wantError(t, 400, "invalid")
	s.get("/api/v1/series/houma/gdp/projection?horizon=0").wantError(t, 400, "invalid")
	s.get("/api/v1/series/houma/gdp/projection?method=crystal_ball").wantError(t, 400, "invalid")
	// Guyang's figures are January–November only: no yearly series to
	// project, and the answer says where its figures are.
	msg := s.get("/api/v1/series/guyang/gdp/projection").wantError(t, 404, "not_found")
	if want := "it has January–November figures for 2009 (GET /api/v1/series/guyang/gdp?period=jan-nov), which are not projected"; !strings.Contains(msg, want) {
		t.Errorf("Guyang's projection answers %q; want it to say %q", msg, want)
	}
	var partial api.SeriesResponse
	s.get("/api/v1/series/guyang/gdp?period=jan-nov").decode(t, 200, &partial)
	if len(partial.Observations) != 1 || partial.Observations[0].Value != 56 {
		t.Errorf("the place the answer points to holds %+v, want Guyang's Jan–Nov 2009 GDP of 56", partial.Observations)
	}
	s.get("/api/v1/series/zizhou/gdp/projection").wantError(t, 404, "not_found")
}

func testHoumaAssessment(t *testing.T, s *server) {
	var resp api.AssessmentResponse
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp").decode(t, 200, &resp)
	for _, a := range resp.Assessments {
		if a.Indicator != "gdp" || a.Kind != "level" || a.Year != 2025 {
			continue
		}
		if a.Status != "off_track" {
			t.Fatalf("houma gdp 2025 status = %s, want off_track (%s)", a.Status, a.Explanation)
		}
		if a.RequiredGrowth == nil || math.Abs(*a.RequiredGrowth-0.156) > 0.002 {
			t.Fatalf("required_growth = %v, want ≈ 0.156", a.RequiredGrowth)
		}
		if a.TargetValue != 250 || a.LatestValue != 120.8 || a.Projected == nil || a.Probability >= 0.05 {
			t.Fatalf("assessment = %+v", a)
		}
		return
	}
	t.Fatalf("no houma gdp 2025 level assessment in %+v", resp)
}

func testAllAssessment(t *testing.T, s *server) {
	var resp api.AssessmentResponse
	s.get("/api/v1/assessment?plan=14th-fyp&indicator=gdp").decode(t, 200, &resp)
	if len(resp.Assessments) != 1 || resp.Assessments[0].Region != "houma" {
		t.Fatalf("14th-fyp gdp across regions = %+v", resp)
	}
	// 2022 annual targets of Zizhou have no observations: listed, with the reason.
	s.get("/api/v1/assessment?plan=2022-annual").decode(t, 200, &resp)
	if len(resp.Unassessed) == 0 || resp.Unassessed[0].Region != "zizhou" || resp.Unassessed[0].Reason == "" || resp.Unassessed[0].Code != "not_found" {
		t.Fatalf("2022-annual = %+v", resp)
	}
	s.get("/api/v1/assessment?plan=someday").wantError(t, 400, "invalid")
	s.get("/api/v1/regions/atlantis/assessment").wantError(t, 404, "not_found")
}

// judged is the judgement of the target of indicator, kind and year in an
// assessment answer; the test fails when there is none.
func judged(t *testing.T, r api.AssessmentResponse, indicator, kind string, year int) api.AssessmentItem {
	t.Helper()
	for _, a := range r.Assessments {
		if a.Indicator == indicator && a.Kind == kind && a.Year == year {
			return a
		}
	}
	t.Fatalf("no %s %s target for %d in %+v", indicator, kind, year, r)
	return api.AssessmentItem{}
}

func obsJSON(t *testing.T, obs ...plancast.Observation) []byte {
	b, err := json.Marshal(obs)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func testWriteAuth(t *testing.T, s *server, houma, zizhou, reader string) {
	body := obsJSON(t, plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2019, Value: 118})
	s.do("POST", "/api/v1/observations", "application/json", "", body).wantError(t, 401, "unauthorized")
	s.do("POST", "/api/v1/observations", "application/json", "pc_forged", body).wantError(t, 401, "unauthorized")
	s.do("POST", "/api/v1/observations", "application/json", zizhou, body).wantError(t, 403, "forbidden")
	s.do("POST", "/api/v1/observations", "application/json", reader, body).wantError(t, 403, "forbidden")
	s.do("POST", "/api/v1/targets", "application/json", zizhou, []byte(`[{"region":"houma","indicator":"gdp","plan":"2022-annual","kind":"growth","year":2022,"value":8}]`)).wantError(t, 403, "forbidden")
	s.do("POST", "/api/v1/reports/extract?region=houma&commit=true", "text/plain", zizhou, []byte("2020年地区生产总值120.8亿元。")).wantError(t, 403, "forbidden")
	s.do("POST", "/api/v1/reports/extract?region=houma&commit=true", "text/plain", "", []byte("2020年地区生产总值120.8亿元。")).wantError(t, 401, "unauthorized")
	var sr api.SeriesResponse
	s.get("/api/v1/series/houma/gdp").decode(t, 200, &sr)
	for _, o := range sr.Observations {
		if o.Year == 2019 {
			t.Fatalf("a refused push was written: %+v", o)
		}
	}
}

func testRevisionAsOf(t *testing.T, s *server, houma string) {
	first := plancast.Observation{Region: "houma", Indicator: "industrial_value_added", Year: 2021, Value: 18.2, Published: plancast.NewDate(2022, 3, 1)}
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, first)).decode(t, 200, &pr)
	if pr.Report.New != 1 {
		t.Fatalf("first push: %+v", pr.Report)
	}
	s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, first)).decode(t, 200, &pr)
	if pr.Report.Unchanged != 1 || pr.Report.New+pr.Report.Revised != 0 {
		t.Fatalf("identical re-push: %+v", pr.Report)
	}
	revised := first
	revised.Value, revised.Published = 18.6, plancast.NewDate(2022, 9, 1)
	s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, revised)).decode(t, 200, &pr)
	if pr.Report.Revised != 1 {
		t.Fatalf("revision: %+v", pr.Report)
	}
	value := func(path string) float64 {
		var sr api.SeriesResponse
		s.get(path).decode(t, 200, &sr)
		for _, o := range sr.Observations {
			if o.Year == 2021 {
				return o.Value
			}
		}
		t.Fatalf("%s has no 2021", path)
		return 0
	}
	if v := value("/api/v1/series/houma/industrial_value_added"); v != 18.6 {
		t.Fatalf("latest = %g, want the revision 18.6", v)
	}
	if v := value("/api/v1/series/houma/industrial_value_added?as_of=2022-06-30"); v != 18.2 {
		t.Fatalf("as_of 2022-06-30 = %g, want the earlier vintage 18.2", v)
	}
	// The projection follows the push at once (the cache is keyed by data version).
	var p plancast.Projection
	s.get("/api/v1/series/houma/industrial_value_added/projection").decode(t, 200, &p)
	if p.LastYear != 2021 || !p.Vintage.Equal(plancast.NewDate(2022, 9, 1)) {
		t.Fatalf("projection after push: last year %d vintage %s", p.LastYear, p.Vintage)
	}
}

func testBadPush(t *testing.T, s *server, houma string) {
	csvBody := "region,indicator,year,value\nhouma,gdp,2018,abc\nhouma,gdp,1800,100\nhouma,nonsense,2018,5\nhouma,gdp,2017,110\n"
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations?filename=bad.csv", "text/csv", houma, []byte(csvBody)).decode(t, 400, &pr)
	if pr.Error == nil || pr.Error.Code != "invalid" || pr.Report == nil || len(pr.Report.Problems) < 3 {
		t.Fatalf("bad push answer = %+v", pr)
	}
	rows := map[int]bool{}
	for _, p := range pr.Report.Problems {
		rows[p.Row] = true
		if p.File != "bad.csv" || p.Message == "" {
			t.Fatalf("problem lacks file or message: %+v", p)
		}
	}
	if !rows[2] || !rows[3] || !rows[4] {
		t.Fatalf("problems should name rows 2, 3 and 4: %+v", pr.Report.Problems)
	}
	var sr api.SeriesResponse
	s.get("/api/v1/series/houma/gdp").decode(t, 200, &sr)
	if len(sr.Observations) != 2 {
		t.Fatalf("the valid row of a rejected batch was written: %+v", sr.Observations)
	}
	s.do("POST", "/api/v1/observations", "application/x-yaml", houma, []byte("a: 1")).wantError(t, 415, "invalid")
	s.do("POST", "/api/v1/observations", "application/json", houma, []byte(`[{"region":"houma",`)).decode(t, 400, &pr)
}

// A figure ten times the year before (5.29 亿元 typed as 52.9) is refused at
// its value, and written when the push says the jump is meant.
func testJump(t *testing.T, s *server, houma string) {
	body := []byte("region,indicator,year,value\nhouma,budget_revenue,2021,52.9\n")
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations?filename=revenue.csv", "text/csv", houma, body).decode(t, 400, &pr)
	if pr.Report == nil || len(pr.Report.Problems) != 1 {
		t.Fatalf("a jump pushed: %+v; want one problem", pr)
	}
	if p := pr.Report.Problems[0]; p.File != "revenue.csv" || p.Row != 2 || p.Field != "value" ||
		!strings.HasPrefix(p.Message, "houma budget_revenue 2021: 52.9 is 10.0 times the 2020 figure 5.29 (stored); a figure in another unit?") {
		t.Errorf("problem = %+v", p)
	}
	var accepted api.PushResponse
	s.do("POST", "/api/v1/observations?filename=revenue.csv&accept_jumps=true", "text/csv", houma, body).decode(t, 200, &accepted)
	if accepted.Report == nil || accepted.Report.New+accepted.Report.Revised != 1 {
		t.Fatalf("the jump accepted: %+v, %+v; want the figure written", accepted.Error, accepted.Report)
	}
	var sr api.SeriesResponse
	s.get("/api/v1/series/houma/budget_revenue").decode(t, 200, &sr)
	if i := slices.IndexFunc(sr.Observations, func(o plancast.Observation) bool { return o.Year == 2021 }); i < 0 || sr.Observations[i].Value != 52.9 {
		t.Errorf("budget revenue %+v; want the accepted 2021 = 52.9", sr.Observations)
	}
}

// A bureau withdraws a figure it filed under the wrong year: it is no longer
// served, the series as of a date before still shows it, and a second
// withdrawal finds nothing to withdraw.
func testWithdraw(t *testing.T, s *server, houma, zizhou string) {
	filed := plancast.Observation{Region: "houma", Indicator: "fixed_asset_investment", Year: 2019, Value: 50, Published: plancast.NewDate(2022, 1, 5)}
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, filed)).decode(t, 200, &pr)
	s.get("/api/v1/series/houma/fixed_asset_investment").decode(t, 200, new(api.SeriesResponse))

	const path = "/api/v1/observations/houma/fixed_asset_investment/2019"
	s.do("DELETE", path, "", "", nil).wantError(t, 401, "unauthorized")
	s.do("DELETE", path, "", zizhou, nil).wantError(t, 403, "forbidden")
	if msg := s.do("DELETE", "/api/v1/observations/houma/fixed_asset_investmnt/2019", "", houma, nil).wantError(t, 404, "not_found"); !strings.Contains(msg, "fixed_asset_investment") {
		t.Errorf("a misspelt indicator: %q does not offer the right code", msg)
	}
	if msg := s.do("DELETE", "/api/v1/observations/houma/fixed_asset_investment/2009", "", houma, nil).wantError(t, 404, "not_found"); !strings.Contains(msg, "nothing to withdraw") {
		t.Errorf("withdrawing a year never stored: %q", msg)
	}
	s.do("DELETE", path+"?period=jan-nov", "", houma, nil).wantError(t, 404, "not_found")
	s.do("DELETE", path+"?period=january", "", houma, nil).wantError(t, 400, "invalid")

	s.do("DELETE", path+"?dry_run=true", "", houma, nil).decode(t, 200, &pr)
	if !pr.Report.DryRun || pr.Report.Withdrawn != 1 {
		t.Fatalf("dry run: %+v, want one withdrawal counted", pr.Report)
	}
	s.get("/api/v1/series/houma/fixed_asset_investment").decode(t, 200, new(api.SeriesResponse)) // still there

	s.do("DELETE", path+"?reason=filed+under+the+wrong+year&published=2022-02-01", "", houma, nil).decode(t, 200, &pr)
	if pr.Report.Withdrawn != 1 || pr.Report.New+pr.Report.Revised+pr.Report.Unchanged != 0 {
		t.Fatalf("withdrawal: %+v, want one withdrawn", pr.Report)
	}
	s.get("/api/v1/series/houma/fixed_asset_investment").wantError(t, 404, "not_found")
	s.get("/api/v1/series/houma/fixed_asset_investment/projection").wantError(t, 404, "not_found")
	var before api.SeriesResponse
	s.get("/api/v1/series/houma/fixed_asset_investment?as_of=2022-01-31").decode(t, 200, &before)
	if len(before.Observations) != 1 || before.Observations[0].Value != 50 {
		t.Fatalf("as of before the withdrawal: %+v, want 2019 = 50", before.Observations)
	}
	s.do("DELETE", path, "", houma, nil).wantError(t, 404, "not_found")
}

func testTargets(t *testing.T, s *server, houma string) {
	body := []byte(`[{"region":"houma","indicator":"gdp","plan":"2022-annual","kind":"growth","year":2022,"value":8,"source":{"document":"2022 report"}}]`)
	var pr api.PushResponse
	s.do("POST", "/api/v1/targets", "application/json", houma, body).decode(t, 200, &pr)
	if pr.Report.Targets.New != 1 {
		t.Fatalf("target push: %+v", pr.Report)
	}
	var ts struct{ Targets []plancast.Target }
	s.get("/api/v1/targets?region=houma&plan=2022-annual").decode(t, 200, &ts)
	if len(ts.Targets) != 1 || ts.Targets[0].Value != 8 {
		t.Fatalf("targets = %+v", ts.Targets)
	}
	s.get("/api/v1/targets?plan=never").wantError(t, 400, "invalid")
	s.do("POST", "/api/v1/targets", "application/json", houma, obsJSON(t, plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2019, Value: 1})).wantError(t, 400, "invalid")
}

// A target entered under the wrong plan is withdrawn: it is neither listed
// nor assessed any more, and withdrawing it again finds nothing.
func testWithdrawTarget(t *testing.T, s *server, houma, zizhou string) {
	body := []byte(`[{"region":"houma","indicator":"retail_sales","plan":"13th-fyp","kind":"growth","year":2020,"value":10},
	{"region":"houma","indicator":"retail_sales","plan":"13th-fyp","kind":"level","year":2020,"value":60}]`)
	var pr api.PushResponse
	s.do("POST", "/api/v1/targets", "application/json", houma, body).decode(t, 200, &pr)
	assessed := func() (n int) {
		var ar api.AssessmentResponse
		s.get("/api/v1/regions/houma/assessment?plan=13th-fyp").decode(t, 200, &ar)
		return len(ar.Assessments) + len(ar.Unassessed)
	}
	if n := assessed(); n != 2 {
		t.Fatalf("13th-fyp targets judged or listed: %d, want 2", n)
	}

	const path = "/api/v1/targets/houma/retail_sales/13th-fyp/2020"
	s.do("DELETE", path+"?kind=growth", "", zizhou, nil).wantError(t, 403, "forbidden")
	if msg := s.do("DELETE", path, "", houma, nil).wantError(t, 400, "invalid"); !strings.Contains(msg, "growth, level") {
		t.Errorf("two targets match: %q should name their kinds", msg)
	}
	s.do("DELETE", path+"?kind=floor", "", houma, nil).wantError(t, 404, "not_found")
	s.do("DELETE", "/api/v1/targets/houma/retail_sales/13th-fyp/2022?kind=growth", "", houma, nil).wantError(t, 404, "not_found")
	s.do("DELETE", "/api/v1/targets/houma/retail_sales/fyp13/2021?kind=growth", "", houma, nil).wantError(t, 400, "invalid")

	s.do("DELETE", path+"?kind=growth&reason=entered+under+the+wrong+plan", "", houma, nil).decode(t, 200, &pr)
	if pr.Report.Targets.Withdrawn != 1 || pr.Report.Targets.Revised != 0 {
		t.Fatalf("withdrawal: %+v, want one target withdrawn", pr.Report.Targets)
	}
	var ts struct{ Targets []plancast.Target }
	s.get("/api/v1/targets?region=houma&indicator=retail_sales&plan=13th-fyp").decode(t, 200, &ts)
	if len(ts.Targets) != 1 || ts.Targets[0].Kind != "level" {
		t.Fatalf("targets after the withdrawal = %+v, want the level target alone", ts.Targets)
	}
	if n := assessed(); n != 1 {
		t.Fatalf("13th-fyp targets judged or listed after the withdrawal: %d, want 1", n)
	}
	s.do("DELETE", path+"?kind=growth", "", houma, nil).wantError(t, 404, "not_found")
	s.do("DELETE", path, "", houma, nil).decode(t, 200, &pr) // one target left: no kind needed
	if pr.Report.Targets.Withdrawn != 1 || assessed() != 0 {
		t.Fatalf("second withdrawal: %+v", pr.Report.Targets)
	}
}

func testIfMatch(t *testing.T, s *server, houma string) {
	r := s.get("/api/v1/series/houma/gdp")
	version := r.header.Get("X-Data-Version")
	body := obsJSON(t, plancast.Observation{Region: "houma", Indicator: "budget_revenue", Year: 2021, Value: 5.6})
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations", "application/json", houma, body, "If-Match", `"`+version+`"`).decode(t, 200, &pr)
	// The push moved the version: the same If-Match is now stale.
	body = obsJSON(t, plancast.Observation{Region: "houma", Indicator: "budget_revenue", Year: 2022, Value: 5.9})
	s.do("POST", "/api/v1/observations", "application/json", houma, body, "If-Match", `"`+version+`"`).wantError(t, 409, "conflict")

	// What is not a data version is a mistake of the request, not a
	// conflict: a chart's ETag, a word, a weak tag. A list matches when one
	// of its versions does.
	chartTag := s.get("/charts/houma/gdp.svg").header.Get("ETag")
	for _, bad := range []string{"abc", chartTag, `W/"` + version + `"`, `"1", "x"`} {
		if msg := s.do("POST", "/api/v1/observations?dry_run=true", "application/json", houma, body, "If-Match", bad).wantError(t, 400, "invalid"); !strings.Contains(msg, "X-Data-Version") {
			t.Errorf("If-Match %s: %q; want the header explained", bad, msg)
		}
	}
	now := s.get("/api/v1/series/houma/gdp").header.Get("X-Data-Version")
	s.do("POST", "/api/v1/observations?dry_run=true", "application/json", houma, body, "If-Match", `"`+version+`", "`+now+`"`).decode(t, 200, &pr)
	s.do("POST", "/api/v1/observations?dry_run=true", "application/json", houma, body, "If-Match", `"`+version+`", "1"`).wantError(t, 409, "conflict")
}

func testReportExtract(t *testing.T, s *server, houma, zizhou string) {
	text := []byte("2021年，全市地区生产总值完成131.2亿元，比上年增长8.6%。")
	var ex struct {
		Observations []struct {
			Indicator string  `json:"indicator"`
			Year      int     `json:"year"`
			Value     float64 `json:"value"`
		} `json:"observations"`
		Report *struct{ New, Revised, Unchanged int } `json:"report"`
	}
	s.do("POST", "/api/v1/reports/extract?region=houma", "text/plain; charset=utf-8", "", text).decode(t, 200, &ex)
	found := false
	for _, o := range ex.Observations {
		found = found || (o.Indicator == "gdp" && o.Year == 2021 && math.Abs(o.Value-131.2) < 1e-9)
	}
	if !found || ex.Report != nil {
		t.Fatalf("extraction = %+v", ex)
	}
	s.do("POST", "/api/v1/reports/extract?region=houma&commit=true", "text/plain", houma, text).decode(t, 200, &ex)
	if ex.Report == nil || ex.Report.New == 0 {
		t.Fatalf("commit = %+v", ex.Report)
	}
	var sr api.SeriesResponse
	s.get("/api/v1/series/houma/gdp").decode(t, 200, &sr)
	if last := sr.Observations[len(sr.Observations)-1]; last.Year != 2021 || last.Value != 131.2 {
		t.Fatalf("committed figure not served: %+v", last)
	}
	s.do("POST", "/api/v1/reports/extract", "text/plain", "", text).wantError(t, 400, "invalid")
	s.do("POST", "/api/v1/reports/extract?region=houma", "application/pdf", "", text).wantError(t, 415, "invalid")
}

func testCharts(t *testing.T, s *server) {
	r := s.get("/charts/houma/gdp.png?width=800&height=500")
	if r.status != 200 || r.header.Get("Content-Type") != "image/png" {
		t.Fatalf("chart: %d %s %.200s", r.status, r.header.Get("Content-Type"), r.body)
	}
	img, err := png.Decode(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 500 {
		t.Fatalf("chart is %dx%d, want 800x500", b.Dx(), b.Dy())
	}
	etag := r.header.Get("ETag")
	if etag == "" || !strings.Contains(r.header.Get("Cache-Control"), "max-age") {
		t.Fatalf("no caching headers: %v", r.header)
	}
	if again := s.do("GET", "/charts/houma/gdp.png?width=800&height=500", "", "", nil, "If-None-Match", etag); again.status != 304 {
		t.Fatalf("revalidation: %d, want 304", again.status)
	}
	svg := s.get("/charts/houma/gdp.svg")
	if svg.status != 200 || !strings.HasPrefix(svg.header.Get("Content-Type"), "image/svg+xml") || !bytes.Contains(svg.body, []byte("<svg")) {
		t.Fatalf("svg: %d %s", svg.status, svg.header.Get("Content-Type"))
	}
	cmp := s.get("/charts/compare/gdp.png?regions=houma")
	if cmp.status != 200 {
		t.Fatalf("compare: %d %s", cmp.status, cmp.body)
	}
	s.get("/charts/houma/gdp.gif").wantError(t, 400, "invalid")
	s.get("/charts/houma/gdp.png?width=100000").wantError(t, 400, "invalid")
	s.get("/charts/houma/gdp.png?lang=fr").wantError(t, 400, "invalid")
	s.get("/charts/atlantis/gdp.png").wantError(t, 404, "not_found")
	s.get("/charts/..%2f..%2fetc/passwd.png").wantError(t, 400, "invalid")
}

// A comparison draws the regions with yearly figures and names the others;
// it is not found only when no region asked for has any. An unknown or
// malformed region is an error as it always was.
func TestACompareChartLeavesOutRegionsWithoutFigures(t *testing.T) {
	s := startServer(t, seeded(t, backends[0].open(t)), api.Config{})
	r := s.get("/charts/compare/gdp.png?regions=houma,guyang")
	if r.status != 200 || r.header.Get("Content-Type") != "image/png" {
		t.Fatalf("houma with guyang: %d %s %.200s", r.status, r.header.Get("Content-Type"), r.body)
	}
	if _, err := png.Decode(bytes.NewReader(r.body)); err != nil {
		t.Fatalf("houma with guyang: %v", err)
	}
	svg := s.get("/charts/compare/gdp.svg?regions=houma,guyang")
	if !bytes.Contains(svg.body, []byte("Guyang County: no yearly figures.")) {
		t.Errorf("the chart does not name Guyang, which has no yearly GDP: %d %.200s", svg.status, svg.body)
	}
	if !bytes.Contains(svg.body, []byte("Plan target")) {
		t.Error("the chart does not mark Houma's 14th FYP GDP target")
	}

	msg := s.get("/charts/compare/gdp.png?regions=guyang,zizhou").wantError(t, 404, "not_found")
	if !strings.Contains(msg, "guyang") || !strings.Contains(msg, "zizhou") {
		t.Errorf("no region with figures: %q does not name guyang and zizhou", msg)
	}
	s.get("/charts/compare/gdp.png?regions=houma,atlantis").wantError(t, 404, "not_found")
	s.get("/charts/compare/gdp.png?regions=houma,Guyang!").wantError(t, 400, "invalid")
	// A region listed twice would be drawn twice.
	if msg := s.get("/charts/compare/gdp.svg?regions=houma,zizhou,%20houma").wantError(t, 400, "invalid"); !strings.Contains(msg, `"houma" is listed twice`) {
		t.Errorf("houma listed twice: %q", msg)
	}
}

func testDashboard(t *testing.T, s *server) {
	r := s.get("/")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("dashboard: %d %s", r.status, r.body)
	}
	page := string(r.body)
	if !strings.Contains(page, `data-region="houma" data-indicator="gdp" data-plan="14th-fyp" data-status="off_track"`) {
		t.Fatalf("dashboard lacks Houma's off_track GDP row")
	}
	if !strings.Contains(page, `/charts/houma/gdp.png`) || !strings.Contains(page, `format=csv`) {
		t.Fatal("dashboard lacks the chart and the downloads")
	}
	// Each region's assessment, and each chart's projection, is a spreadsheet
	// one click away, in the page's language.
	for _, d := range []struct{ link, file string }{
		{`/api/v1/regions/houma/assessment?format=xlsx&amp;lang=en`, "houma_assessment.xlsx"},
		{`/api/v1/series/houma/gdp/projection?format=xlsx&amp;lang=en`, "houma_gdp_projection.xlsx"},
		{`/api/v1/series/houma/gdp/revisions?format=xlsx&amp;lang=en`, "houma_gdp_revisions.xlsx"},
		{`/api/v1/regions/houma/assessment/trail?format=xlsx&amp;lang=en`, "houma_assessment_trail.xlsx"},
	} {
		if !strings.Contains(page, `href="`+d.link+`"`) {
			t.Fatalf("the dashboard lacks the download %s", d.link)
		}
		download(t, s, strings.ReplaceAll(d.link, "&amp;", "&"), "xlsx", d.file)
	}
	// Guyang has only January–November figures: listed as figures, not
	// charted, each with its unit in a column of its own (72 next to "100
	// million yuan" would read as 72,100 million) and the growth the report
	// stated with it.
	if !strings.Contains(page, `id="region-guyang"`) || !strings.Contains(page, "Jan–Nov") {
		t.Fatal("the dashboard lacks Guyang's January–November figures")
	}
	guyangGDP := regexp.MustCompile(`<tr><td class="text">Gross regional product</td><td class="text">Jan–Nov</td><td>2009</td><td>56</td><td class="text">100 million yuan</td><td>\+17\.1%</td>`)
	if !guyangGDP.MatchString(html.UnescapeString(page)) { // the template writes "+" as "&#43;"
		t.Error("the dashboard does not show Guyang's Jan–Nov GDP as 56 | 100 million yuan | +17.1%")
	}
	// The assessment table says each indicator's unit; a target not judged
	// says its own: 400 of 100 million yuan, not "400 100 million yuan".
	if !strings.Contains(page, `Gross regional product <span class="unit">100 million yuan</span>`) {
		t.Error("the assessment table does not say the unit of Houma's GDP")
	}
	if !strings.Contains(page, "Total industrial output value (14th FYP · level 2025: 400 × 100 million yuan)") {
		t.Error("the unjudged output target does not say its unit")
	}
	// A target without figures is listed with what it asks for and, on
	// hover, why it was not judged.
	if !strings.Contains(page, `title="no yearly figures yet"`) ||
		!strings.Contains(page, "Registered urban unemployment rate (2021 plan · ceiling: ≤ 4.5%)") {
		t.Fatal("the dashboard does not say which target went unjudged, and why")
	}
	// A projection is shown as precise as the figure it comes from: Houma's
	// GDP is known to one decimal (120.8), so its 2025 projection reads
	// "147.2 (124.9 to 190.0)", not "147.24 (124.85 to 190.04)".
	var resp api.AssessmentResponse
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp").decode(t, 200, &resp)
	for _, a := range resp.Assessments {
		if a.Indicator == "gdp" && a.Kind == "level" {
			p := a.Projected
			want := fmt.Sprintf("%.1f (%.1f to %.1f)", p.Mean, p.Lo80, p.Hi80)
			if !strings.Contains(page, want) {
				t.Fatalf("the dashboard does not show Houma's GDP projection as %q", want)
			}
		}
	}
	zh := s.get("/?lang=zh")
	// The Chinese page says the plan, the kind and the status in Chinese,
	// and keeps the API's status code on the row.
	for _, want := range []string{"十四五 · 总量 2025年", `title="暂无城镇登记失业率的年度数据"`, `title="off_track">难以实现</span>`, "2021年计划 · 增速<", " 至 ", "城镇登记失业率 (2021年计划 · 上限: ≤ 4.5%)", `title="预计2025年为`, "（95%区间"} {
		if !strings.Contains(string(zh.body), want) {
			t.Errorf("the Chinese dashboard lacks %q", want)
		}
	}
	if !strings.Contains(string(zh.body), "工业总产值 (十四五 · 总量 2025年: 400亿元)") || !strings.Contains(string(zh.body), "<th>公布增速</th>") {
		t.Error("the Chinese dashboard does not say the unjudged output target's unit, or lacks the stated growth column")
	}
	if !strings.Contains(string(zh.body), "侯马市") || !strings.Contains(string(zh.body), "地区生产总值") || !strings.Contains(string(zh.body), "1—11月") {
		t.Fatal("the Chinese dashboard lacks Chinese names")
	}
}

func testErrorsAndHabits(t *testing.T, s *server) {
	s.get("/api/v1/nothing-here").wantError(t, 404, "not_found")
	// A missed code is answered with the near ones: a typo, the Chinese
	// name, the words in another order.
	for _, c := range []struct {
		path   string
		status int
		code   string
		want   string
	}{
		{"/api/v1/series/houma/gpd", 404, "not_found", `did you mean "gdp"?`},
		{"/api/v1/series/huoma/gdp", 404, "not_found", `did you mean "houma"?`},
		{"/api/v1/series/houma/gpd/projection", 404, "not_found", `did you mean "gdp"?`},
		{"/api/v1/regions/%E4%BE%AF%E9%A9%AC/assessment", 400, "invalid", `did you mean "houma"?`},
		{"/charts/houma/disposable_income_urban.png", 404, "not_found", `did you mean "urban_disposable_income"?`},
	} {
		if msg := s.get(c.path).wantError(t, c.status, c.code); !strings.Contains(msg, c.want) {
			t.Errorf("GET %s: %q lacks %q", c.path, msg, c.want)
		}
	}
	r := s.do("DELETE", "/api/v1/regions", "", "", nil)
	if r.status != 405 && r.status != 404 {
		t.Fatalf("DELETE /api/v1/regions = %d", r.status)
	}
	r = s.do("GET", "/api/v1/series/houma/gdp", "", "", nil, "Accept-Encoding", "gzip")
	if r.header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("no gzip: %v", r.header)
	}
	zr, err := gzip.NewReader(bytes.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	if plain, _ := io.ReadAll(zr); !bytes.Contains(plain, []byte(`"indicator":"gdp"`)) {
		t.Fatalf("gzip body: %s", plain)
	}
	if r.header.Get("X-Request-Id") == "" {
		t.Fatal("no request id")
	}
	if cors := s.do("GET", "/api/v1/regions", "", "", nil, "Origin", "https://evil.example"); cors.header.Get("Access-Control-Allow-Origin") != "" {
		t.Fatal("CORS is on without configuration")
	}
	var doc map[string]any
	s.get("/api/v1/openapi.json").decode(t, 200, &doc)
	if doc["openapi"] != "3.0.3" {
		t.Fatalf("openapi = %v", doc["openapi"])
	}
}

func testCSVInjection(t *testing.T, s *server, houma string) {
	o := plancast.Observation{Region: "houma", Indicator: "retail_sales", Year: 2020, Value: 60.5,
		Source: plancast.Source{Document: "=cmd|' /C calc'!A0", Quote: "@SUM(1+1)"}}
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, o)).decode(t, 200, &pr)
	r := s.get("/api/v1/series/houma/retail_sales?format=csv")
	rows, err := csv.NewReader(bytes.NewReader(r.body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][10] != "'=cmd|' /C calc'!A0" || rows[1][11] != "'@SUM(1+1)" || rows[1][4] != "60.5" {
		t.Fatalf("csv row = %q", rows[1])
	}
	// In XLSX the same text is a string cell, never a formula, so it keeps
	// its own characters.
	sh := download(t, s, "/api/v1/series/houma/retail_sales?format=xlsx", "xlsx", "houma_retail_sales_lin.xlsx")
	if sh.cell(t, 0, "source_document") != "=cmd|' /C calc'!A0" || sh.num(t, 0, "value") != 60.5 {
		t.Fatalf("xlsx row = %q", sh.rows[0])
	}
}

func testMetrics(t *testing.T, s *server) {
	for range 2 { // the second is a cache hit
		s.get("/api/v1/series/houma/gdp/projection?horizon=7").decode(t, 200, nil)
	}
	r := s.get("/metrics")
	for _, want := range []string{`plancast_http_requests_total{method="GET",route="/api/v1/series/:region/:indicator",status="200"}`,
		"plancast_forecasts_computed_total", `plancast_cache_requests_total{cache="projection",result="hit"}`,
		`plancast_http_request_duration_seconds_bucket{method="GET",route="/api/v1/series/:region/:indicator/projection"`} {
		if !strings.Contains(string(r.body), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	// A scraper asks for gzip, as Prometheus does: the answer is compressed
	// once (the metrics handler's own gzip, not the server's on top of it).
	gz := s.do("GET", "/metrics", "", "", nil, "Accept-Encoding", "gzip")
	zr, err := gzip.NewReader(bytes.NewReader(gz.body))
	if err != nil {
		t.Fatalf("metrics asked with gzip: %v (Content-Encoding %q)", err, gz.header.Get("Content-Encoding"))
	}
	text, err := io.ReadAll(zr)
	if err != nil || !strings.HasPrefix(string(text), "# HELP") {
		t.Errorf("metrics asked with gzip decompress to %.40q (%v); want the text format", text, err)
	}
}

func TestReadTokenGuardsReads(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{ReadToken: "pc_shared-read-secret"})
	stored := token(t, st, plancast.Token{Scope: plancast.ScopeRead})
	s.get("/api/v1/series/houma/gdp").wantError(t, 401, "unauthorized")
	s.get("/charts/houma/gdp.png").wantError(t, 401, "unauthorized")
	s.do("GET", "/api/v1/series/houma/gdp", "", "pc_wrong", nil).wantError(t, 401, "unauthorized")
	s.do("GET", "/api/v1/series/houma/gdp", "", "pc_shared-read-secret", nil).decode(t, 200, nil)
	s.do("GET", "/api/v1/series/houma/gdp", "", stored, nil).decode(t, 200, nil)
	s.get("/healthz").decode(t, 200, nil) // probes stay open
	// The server's read token opens reads only: a write is forbidden, as
	// for a stored read token (TestTheServersReadTokenOnAWriteRouteIsAnsweredAsReadOnly).
	s.do("POST", "/api/v1/observations", "application/json", "pc_shared-read-secret", []byte("[]")).wantError(t, 403, "forbidden")
}

func TestBodyLimit(t *testing.T) {
	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{BodyLimit: 1024})
	houma := token(t, st, plancast.Token{Region: "houma"})
	big := "region,indicator,year,value\n" + strings.Repeat("houma,gdp,2019,1\n", 200)
	if msg := s.do("POST", "/api/v1/observations", "text/csv", houma, []byte(big)).wantError(t, 413, "invalid"); !strings.Contains(msg, "limit of 1 KiB") {
		t.Errorf("413: %q; want it to say the limit", msg)
	}
	var sr api.SeriesResponse
	s.get("/api/v1/series/houma/gdp").decode(t, 200, &sr)
	if len(sr.Observations) != 2 {
		t.Fatalf("an oversized push wrote something: %+v", sr.Observations)
	}
}

// TestOpenAPIMatchesRoutes: every registered route is documented and every
// documented route exists.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	st := backends[0].open(t)
	s := startServer(t, st, api.Config{})
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	s.get("/api/v1/openapi.json").decode(t, 200, &doc)
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	registered := map[string]bool{}
	for _, r := range s.srv.Routes() {
		if r.Method == "echo_route_not_found" || r.Method == "" {
			continue
		}
		registered[r.Method+" "+r.Path] = true
	}
	for r := range registered {
		if !documented[r] {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for d := range documented {
		if !registered[d] {
			t.Errorf("openapi.json documents %s, which is not registered", d)
		}
	}
	if len(registered) < 15 {
		t.Fatalf("only %d routes registered", len(registered))
	}
}

// TestOpenAPIListsTheQueryParametersEachRouteTakes: the query parameters
// openapi.json documents for each operation are the ones the route takes,
// as its 400 to an unknown parameter lists them, so that a client built
// from the document is never refused for a parameter it documents, nor
// misses one the route reads. The lenient routes (the dashboard, the health
// check, the metrics) take any; the dashboard documents what it reads.
func TestOpenAPIListsTheQueryParametersEachRouteTakes(t *testing.T) {
	st := backends[0].open(t)
	s := startServer(t, st, api.Config{})
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name, In string }
		} `json:"paths"`
	}
	s.get("/api/v1/openapi.json").decode(t, 200, &doc)
	admin := token(t, st, plancast.Token{Admin: true})
	fill := strings.NewReplacer("{region}", "houma", "{indicator}", "gdp", "{plan}", "14th-fyp", "{year}", "2020", "{file}", "gdp.png", "{id}", "000000000000")
	lenient := map[string]bool{"/": true, "/healthz": true, "/metrics": true}
	checked := 0
	for path, ops := range doc.Paths {
		for method, op := range ops {
			var documented []string
			for _, p := range op.Parameters {
				if p.In == "query" {
					documented = append(documented, p.Name)
				}
			}
			slices.Sort(documented)
			method = strings.ToUpper(method)
			if lenient[path] {
				continue
			}
			msg := s.do(method, fill.Replace(path)+"?made_up=1", "", admin, nil).wantError(t, 400, "invalid")
			var takes []string
			if _, list, ok := strings.Cut(msg, " takes "); ok && list != "no query parameters" {
				takes = strings.Split(list, ", ")
			} else if !ok {
				t.Errorf("%s %s?made_up=1: %q; want it to list what the route takes", method, path, msg)
				continue
			}
			slices.Sort(takes)
			if !slices.Equal(documented, takes) {
				t.Errorf("%s %s: openapi.json documents the query parameters %v; the route takes %v", method, path, documented, takes)
			}
			checked++
		}
	}
	if checked < 15 {
		t.Fatalf("only %d operations checked", checked)
	}
}

// testAssessmentAsOf: an assessment, projection or chart asked for as of a
// date answers exactly what it answered on that date, after the figures
// behind it were revised and a new year was added; the latest answer moves.
func testAssessmentAsOf(t *testing.T, s *server, houma string) {
	// The answer was given ten days ago; the figures and targets below were
	// published since (a date ahead of today is refused).
	day := plancast.DateOf(plancast.Today().Time().AddDate(0, 0, -10))
	given := day.String()
	var before, then, now api.AssessmentResponse
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp").decode(t, 200, &before)
	var projBefore, projThen plancast.Projection
	s.get("/api/v1/series/houma/gdp/projection").decode(t, 200, &projBefore)

	// Published after that day: a revision of 2020 and a new year.
	later := func(days int) plancast.Date { return plancast.DateOf(day.Time().AddDate(0, 0, days)) }
	revised := plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2020, Value: 124.2, Published: later(1)}
	added := plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2022, Value: 141.5, Published: later(2)}
	var pr api.PushResponse
	s.do("POST", "/api/v1/observations", "application/json", houma, obsJSON(t, revised, added)).decode(t, 200, &pr)
	if pr.Report.Revised != 1 || pr.Report.New != 1 {
		t.Fatalf("push: %+v, want one revised and one new", pr.Report)
	}

	gdp := func(r api.AssessmentResponse) api.AssessmentItem {
		return judged(t, r, "gdp", plancast.TargetLevel, 2025)
	}
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp&as_of="+given).decode(t, 200, &then)
	if then.AsOf != given || !reflect.DeepEqual(gdp(then), gdp(before)) || len(then.Assessments) != len(before.Assessments) {
		t.Fatalf("as of %s:\n%+v\nwant the answer given then:\n%+v", given, gdp(then), gdp(before))
	}
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp").decode(t, 200, &now)
	if a := gdp(now); now.AsOf != "" || a.LatestYear != 2022 || a.LatestValue != 141.5 || a.Probability == gdp(before).Probability {
		t.Fatalf("latest: %+v, want it judged on 2022 = 141.5", a)
	}
	// Across regions, the same.
	var all api.AssessmentResponse
	s.get("/api/v1/assessment?plan=14th-fyp&indicator=gdp&as_of="+given).decode(t, 200, &all)
	if len(all.Assessments) != 1 || !reflect.DeepEqual(all.Assessments[0], gdp(before)) {
		t.Fatalf("across regions as of %s: %+v", given, all.Assessments)
	}
	// The model case as the report's own date saw it: 120.8 in 2020, 15.6% a year needed.
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp&as_of=2021-04-20").decode(t, 200, &then)
	if a := gdp(then); a.LatestYear != 2020 || a.LatestValue != 120.8 || a.RequiredGrowth == nil || math.Abs(*a.RequiredGrowth-0.1566) > 0.001 {
		t.Fatalf("as of the report: %+v, want 2020 = 120.8 and 15.7%% a year needed", a)
	}

	s.get("/api/v1/series/houma/gdp/projection?as_of="+given).decode(t, 200, &projThen)
	if projThen.AsOf != given || projThen.LastYear != projBefore.LastYear || !reflect.DeepEqual(projThen.Points, projBefore.Points) {
		t.Fatalf("projection as of %s: %+v, want the points given then %+v", given, projThen.Points, projBefore.Points)
	}
	sh := download(t, s, "/api/v1/series/houma/gdp/projection?format=csv&as_of=2021-04-20", "csv", "houma_gdp_projection.csv")
	if len(sh.rows) != 2+5 || sh.cell(t, 1, "value") != "120.8" || sh.cell(t, 2, "year") != "2021" {
		t.Fatalf("projection download as of 2021-04-20: %q", sh.rows)
	}

	// Before the plan was set: no target to judge; the projection has
	// nothing to project.
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp&as_of=2000-01-01").decode(t, 200, &then)
	if len(then.Assessments) != 0 || len(then.Unassessed) != 0 {
		t.Fatalf("as of 2000, before the plan: %+v, want no target", then)
	}
	s.get("/api/v1/series/houma/gdp/projection?as_of=2000-01-01").wantError(t, 404, "not_found")
	s.get("/api/v1/regions/houma/assessment?as_of=April").wantError(t, 400, "invalid")

	// The chart of the past is a chart of other data than today's.
	old, latest := s.get("/charts/houma/gdp.png?as_of="+given), s.get("/charts/houma/gdp.png")
	if old.status != 200 || latest.status != 200 || bytes.Equal(old.body, latest.body) {
		t.Fatalf("chart as of %s: %d, latest %d, same bytes %v", given, old.status, latest.status, bytes.Equal(old.body, latest.body))
	}
	if _, err := png.Decode(bytes.NewReader(old.body)); err != nil {
		t.Fatalf("chart as of %s: %v", given, err)
	}

	testRevisionHistory(t, s, given)
	testTargetVersionsAsOf(t, s, houma, given, before, gdp)
}

// testRevisionHistory: after Houma's 2020 GDP was revised from 120.8 to
// 124.2, the revision history shows both vintages and measures the revision
// from the first release; as of the day before, there was none.
func testRevisionHistory(t *testing.T, s *server, given string) {
	var now, then api.RevisionsResponse
	s.get("/api/v1/series/houma/gdp/revisions").decode(t, 200, &now)
	byYear := map[int]plancast.YearRevisions{}
	for _, y := range now.Years {
		byYear[y.Year] = y
	}
	y2020, want := byYear[2020], (124.2-120.8)/120.8
	if len(y2020.Vintages) != 2 || y2020.Vintages[0].Value != 120.8 || y2020.Vintages[1].Value != 124.2 ||
		y2020.First != 120.8 || y2020.Latest == nil || *y2020.Latest != 124.2 || y2020.Revision == nil || !closeTo(*y2020.Revision, want) {
		t.Fatalf("2020 in the history: %+v, want 120.8 revised to 124.2 (%+.4f)", y2020, want)
	}
	if y := byYear[2022]; len(y.Vintages) != 1 || y.Revision == nil || *y.Revision != 0 {
		t.Fatalf("2022 in the history: %+v, want one vintage, unrevised", y)
	}
	sum := now.Summary
	if now.Unit != "100m_yuan" || sum.Years != len(now.Years) || sum.Revised != 1 || sum.MeanRevision == nil ||
		!closeTo(*sum.MeanRevision, want/float64(sum.Years)) || !closeTo(*sum.MeanAbsRevision, want/float64(sum.Years)) {
		t.Fatalf("summary %+v (unit %s), want one of %d years revised by %+.4f", sum, now.Unit, len(now.Years), want)
	}
	s.get("/api/v1/series/houma/gdp/revisions?as_of="+given).decode(t, 200, &then)
	for _, y := range then.Years {
		if y.Year == 2020 && (len(y.Vintages) != 1 || *y.Latest != 120.8) || y.Year == 2022 {
			t.Fatalf("as of %s: %+v, want 2020 unrevised and no 2022", given, y)
		}
	}
	if then.AsOf != given || then.Summary.Revised != 0 || *then.Summary.MeanAbsRevision != 0 {
		t.Fatalf("as of %s: %+v, want nothing revised yet", given, then.Summary)
	}
	s.get("/api/v1/series/houma/gdp/revisions?from=2020&to=2020").decode(t, 200, &then)
	if len(then.Years) != 1 || then.Years[0].Year != 2020 || then.Summary.Years != 1 || !closeTo(*then.Summary.MeanRevision, want) {
		t.Fatalf("2020 alone: %+v", then)
	}

	// The download: one row per vintage, the change and the revision beside it.
	sh := download(t, s, "/api/v1/series/houma/gdp/revisions?format=csv&from=2020&to=2020", "csv", "houma_gdp_revisions.csv")
	if len(sh.rows) != 2 || sh.cell(t, 0, "vintage") != "1" || sh.cell(t, 0, "value") != "120.8" || sh.cell(t, 0, "change") != "" ||
		sh.cell(t, 0, "revision") != "0" || sh.cell(t, 0, "served") != "" || sh.cell(t, 1, "vintage") != "2" ||
		!closeTo(sh.num(t, 1, "change"), 124.2-120.8) || !closeTo(sh.num(t, 1, "revision"), want) || sh.cell(t, 1, "served") != "yes" ||
		sh.cell(t, 0, "growth") != "5.3" || sh.cell(t, 0, "growth_base_year") != "2015" { // as the report states it with 120.8
		t.Fatalf("revisions CSV: %q", sh.rows)
	}
	x := s.get("/api/v1/series/houma/gdp/revisions?format=xlsx&lang=zh&from=2020&to=2020")
	f, err := excelize.OpenReader(bytes.NewReader(x.body))
	if err != nil {
		t.Fatalf("revisions XLSX: %d, %v", x.status, err)
	}
	defer f.Close()
	rows, _ := f.GetRows("说明")
	about := map[string]string{}
	for _, r := range rows {
		if len(r) == 2 {
			about[r[0]] = r[1]
		}
	}
	if got, wantMR := about["平均修订幅度（MR）"], fmt.Sprintf("%+.2f%%", want*100); got != wantMR || about["已测算年份 / 其中修订"] != "1 / 1" {
		t.Fatalf("revisions XLSX About: %q, want MR %s", about, wantMR)
	}
	if hdr, _ := f.GetCellValue("修订记录", "E1"); hdr != "版本" {
		t.Errorf("zh revisions sheet E1 = %q, want 版本", hdr)
	}

	s.get("/api/v1/series/houma/gdp/revisions?as_of=2000-01-01").wantError(t, 404, "not_found")
	if msg := s.get("/api/v1/series/houma/gpd/revisions").wantError(t, 404, "not_found"); !strings.Contains(msg, "gdp") {
		t.Errorf("a missed indicator code: %q, want gdp suggested", msg)
	}
}

// testTargetVersionsAsOf: targets have versions like figures. A mid-term
// review that lowers the 2025 target, and a withdrawal, both dated after
// the day the answer was given, leave that answer as it was; the latest
// answer judges the revised target. A target set before its figures were
// published is listed unjudged as of a date between, saying why.
func testTargetVersionsAsOf(t *testing.T, s *server, houma, given string, before api.AssessmentResponse, gdp func(api.AssessmentResponse) api.AssessmentItem) {
	day, err := plancast.ParseDate(given)
	if err != nil {
		t.Fatal(err)
	}
	later := func(days int) string { return plancast.DateOf(day.Time().AddDate(0, 0, days)).String() }
	review := fmt.Sprintf(`[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"level","base_year":2020,"year":2025,"value":230,
		"source":{"document":"mid-term review"},"published":%q}]`, later(3))
	var pr api.PushResponse
	s.do("POST", "/api/v1/targets", "application/json", houma, []byte(review)).decode(t, 200, &pr)
	if pr.Report.Targets.Revised != 1 {
		t.Fatalf("mid-term review push: %+v, want one revised", pr.Report.Targets)
	}
	s.do("DELETE", "/api/v1/targets/houma/gdp/2021-annual/2021?published="+later(4), "", houma, nil).decode(t, 200, &pr)
	if pr.Report.Targets.Withdrawn != 1 {
		t.Fatalf("withdrawal: %+v", pr.Report.Targets)
	}
	if msg := s.do("DELETE", "/api/v1/targets/houma/gdp/14th-fyp/2025?kind=level&published="+given, "", houma, nil).wantError(t, 400, "invalid"); !strings.Contains(msg, "before the version in force") {
		t.Errorf("a withdrawal dated before the version in force: %q", msg)
	}
	// A dry run says so as the write would.
	if msg := s.do("DELETE", "/api/v1/targets/houma/gdp/14th-fyp/2025?kind=level&dry_run=true&published="+given, "", houma, nil).wantError(t, 400, "invalid"); !strings.Contains(msg, "before the version in force") {
		t.Errorf("a dry run of a withdrawal before the version in force: %q", msg)
	}
	// Undated, it takes effect today, after the review: a dry run of it
	// passes and withdraws nothing.
	s.do("DELETE", "/api/v1/targets/houma/gdp/14th-fyp/2025?kind=level&dry_run=true", "", houma, nil).decode(t, 200, &pr)
	if pr.Report.Targets.Withdrawn != 1 || !pr.Report.DryRun {
		t.Errorf("a dry run of an undated withdrawal after the review: %+v", pr.Report)
	}

	var then, now api.AssessmentResponse
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp&as_of="+given).decode(t, 200, &then)
	if a := gdp(then); a.TargetValue != 250 || !reflect.DeepEqual(a, gdp(before)) {
		t.Fatalf("as of %s after the review: %+v, want the answer given then (250)", given, a)
	}
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp").decode(t, 200, &now)
	if a := gdp(now); a.TargetValue != 230 || a.Target.Source.Document != "mid-term review" {
		t.Fatalf("latest after the review: %+v, want the target of 230", a)
	}
	targets := func(query string) []plancast.Target {
		t.Helper()
		var ts struct{ Targets []plancast.Target }
		s.get("/api/v1/targets?region=houma&indicator=gdp&"+query).decode(t, 200, &ts)
		return ts.Targets
	}
	if ts := targets("plan=14th-fyp&as_of=" + given); len(ts) != 1 || ts[0].Value != 250 || ts[0].Published.String() != "2021-04-20" {
		t.Fatalf("14th-fyp gdp targets as of %s = %+v, want 250, set 2021-04-20", given, ts)
	}
	if ts := targets("plan=14th-fyp"); len(ts) != 1 || ts[0].Value != 230 || ts[0].Published.String() != later(3) {
		t.Fatalf("14th-fyp gdp targets now = %+v, want 230, set %s", ts, later(3))
	}
	if then, now := targets("plan=2021-annual&as_of="+later(3)), targets("plan=2021-annual"); len(then) != 1 || len(now) != 0 {
		t.Fatalf("the withdrawn 2021 target: as of %s %+v, now %+v; want it listed then and not now", later(3), then, now)
	}
	s.get("/api/v1/targets?as_of=April").wantError(t, 400, "invalid")

	// The history lists every version: the plan's 250 replaced by the review,
	// the 2021 target and its withdrawal; as of the day given, 250 in force.
	history := func(query string) string {
		t.Helper()
		var vs struct{ Targets []plancast.TargetVersion }
		s.get("/api/v1/targets?region=houma&indicator=gdp&versions=all&"+query).decode(t, 200, &vs)
		var out []string
		for _, v := range vs.Targets {
			out = append(out, fmt.Sprintf("%s/%d %g %s withdrawn=%t in_force=%t", v.Plan, v.Year, v.Value, v.Published, v.Withdrawn, v.InForce))
		}
		return strings.Join(out, "; ")
	}
	for _, c := range []struct{ query, want string }{
		{"plan=14th-fyp", "14th-fyp/2025 250 2021-04-20 withdrawn=false in_force=false; 14th-fyp/2025 230 " + later(3) + " withdrawn=false in_force=true"},
		{"plan=14th-fyp&as_of=" + given, "14th-fyp/2025 250 2021-04-20 withdrawn=false in_force=true"},
		{"plan=2021-annual", "2021-annual/2021 8.5 2021-04-20 withdrawn=false in_force=false; 2021-annual/2021 8.5 " + later(4) + " withdrawn=true in_force=false"},
	} {
		if got := history(c.query); got != c.want {
			t.Errorf("target versions (%s):\n got %s\nwant %s", c.query, got, c.want)
		}
	}
	s.get("/api/v1/targets?versions=every").wantError(t, 400, "invalid")
	sh := download(t, s, "/api/v1/targets?region=houma&indicator=gdp&plan=14th-fyp&versions=all&format=csv&lang=zh", "csv", "houma_target_versions_gdp_14th-fyp.csv")
	if len(sh.rows) != 2 || sh.cell(t, 0, "目标值") != "250" || sh.cell(t, 0, "版本状态") != "已被替代" ||
		sh.cell(t, 1, "目标值") != "230" || sh.cell(t, 1, "版本状态") != "现行" || sh.cell(t, 1, "来源文件") != "mid-term review" {
		t.Fatalf("target versions CSV: %q", sh.rows)
	}
	sh = download(t, s, "/api/v1/targets?region=houma&indicator=gdp&plan=2021-annual&versions=all&format=xlsx", "xlsx", "houma_target_versions_gdp_2021-annual.xlsx")
	if n := len(sh.rows); n != 2 || sh.cell(t, n-1, "version") != "withdrawal" || sh.cell(t, n-1, "target") != "" || sh.cell(t, n-2, "version") != "replaced" {
		t.Fatalf("target versions XLSX: %q, want the withdrawal last, with no value", sh.rows)
	}
	var current struct{ Targets []plancast.Target }
	s.get("/api/v1/targets?region=houma").decode(t, 200, &current)
	sh = download(t, s, "/api/v1/targets?region=houma&format=xlsx", "xlsx", "houma_targets.xlsx")
	if len(sh.rows) != len(current.Targets) || sh.cell(t, 0, "version") != "in force" || sh.num(t, 0, "target") != current.Targets[0].Value {
		t.Fatalf("targets XLSX: %d rows %q, want the %d targets in force", len(sh.rows), sh.rows, len(current.Targets))
	}

	// The spreadsheet of the past says which figures and targets it judged.
	x := s.get("/api/v1/regions/houma/assessment?plan=14th-fyp&format=xlsx&as_of=" + given)
	f, err := excelize.OpenReader(bytes.NewReader(x.body))
	if err != nil {
		t.Fatalf("assessment XLSX as of %s: %d, %v", given, x.status, err)
	}
	defer f.Close()
	if k, _ := f.GetCellValue("About", "A3"); k != "Data and targets as of" {
		t.Errorf("About A3 = %q", k)
	}
	if v, _ := f.GetCellValue("About", "B3"); v != given+" (the figures published and the targets set by then)" {
		t.Errorf("About B3 = %q, want the date and what it covers", v)
	}

	testAssessmentTrail(t, s, given, later)

	// Set in a plan of December 2020, before the report published its figures.
	// (Its date given for the whole push, as ?published=.)
	early := "region,indicator,plan,kind,base_year,year,value\nhouma,budget_revenue,14th-fyp,avg_growth,2020,2025,6\n"
	s.do("POST", "/api/v1/targets?published=2020-12-01&filename=plan.csv", "text/csv", houma, []byte(early)).decode(t, 200, &pr)
	s.get("/api/v1/regions/houma/assessment?plan=14th-fyp&as_of=2021-01-01").decode(t, 200, &then)
	if len(then.Assessments) != 0 || len(then.Unassessed) != 1 || !strings.Contains(then.Unassessed[0].Reason, "as of 2021-01-01") ||
		then.Unassessed[0].ReasonZh != "暂无一般公共预算收入的年度数据（截至2021-01-01）" {
		t.Fatalf("as of 2021-01-01: %+v, want the December target listed, unjudged for want of figures then", then)
	}
}

// testAssessmentTrail: the trail of Houma's GDP targets has a point on each
// day the figures or a target changed, and each point is exactly the
// assessment asked for as of that day.
func testAssessmentTrail(t *testing.T, s *server, given string, later func(days int) string) {
	var trail api.TrailResponse
	s.get("/api/v1/regions/houma/assessment/trail?indicator=gdp").decode(t, 200, &trail)
	days := map[string]string{}
	for _, tt := range trail.Targets {
		var steps []string
		for _, p := range tt.Points {
			steps = append(steps, p.AsOf+" "+strings.Join(p.Changed, "+"))
			var then api.AssessmentResponse
			s.get("/api/v1/regions/houma/assessment?plan="+tt.Plan+"&as_of="+p.AsOf).decode(t, 200, &then)
			var judged *api.AssessmentItem
			var unjudged *api.Unassessed
			for i, a := range then.Assessments {
				if a.Indicator == tt.Indicator && a.Kind == tt.Kind && a.Year == tt.Year {
					judged = &then.Assessments[i]
				}
			}
			for i, u := range then.Unassessed {
				if u.Indicator == tt.Indicator && u.Kind == tt.Kind && u.Year == tt.Year {
					unjudged = &then.Unassessed[i]
				}
			}
			if !reflect.DeepEqual(judged, p.Assessment) || !reflect.DeepEqual(unjudged, p.Unassessed) || p.Withdrawn != (judged == nil && unjudged == nil) {
				t.Errorf("%s/%d on %s: the trail says %+v / %+v (withdrawn %t),\nthe assessment as of that day %+v / %+v",
					tt.Plan, tt.Year, p.AsOf, p.Assessment, p.Unassessed, p.Withdrawn, judged, unjudged)
			}
		}
		days[tt.Plan] = strings.Join(steps, ", ")
	}
	// The plan and the report's figures on one day, first; last, the two
	// pushes of figures dated later and the review, or for the 2021 target
	// its withdrawal.
	for plan, want := range map[string][2]string{
		"14th-fyp":    {"2021-04-20 figures+target, ", later(1) + " figures, " + later(2) + " figures, " + later(3) + " target"},
		"2021-annual": {"2021-04-20 figures+target, ", later(1) + " figures, " + later(2) + " figures, " + later(4) + " target"},
	} {
		if !strings.HasPrefix(days[plan], want[0]) || !strings.HasSuffix(days[plan], want[1]) {
			t.Errorf("the %s trail's days: %s\nwant first %s and last %s", plan, days[plan], want[0], want[1])
		}
	}
	byPlan := map[string][]api.TrailPoint{}
	for _, tt := range trail.Targets {
		byPlan[tt.Plan] = tt.Points
	}
	fyp, annual := byPlan["14th-fyp"], byPlan["2021-annual"]
	if len(fyp) < 4 || len(annual) < 4 {
		t.Fatalf("the trail: %+v", trail.Targets)
	}
	if a := fyp[0].Assessment; a == nil || a.TargetValue != 250 || a.RequiredGrowth == nil || math.Abs(*a.RequiredGrowth-0.1566) > 0.001 {
		t.Errorf("the trail's first point: %+v, want 250 needing 15.7%% a year", a)
	}
	if a := fyp[len(fyp)-1].Assessment; a == nil || a.TargetValue != 230 {
		t.Errorf("the trail's last point: %+v, want the review's 230", a)
	}
	if last := annual[len(annual)-1]; !last.Withdrawn {
		t.Errorf("the 2021 target's last point: %+v, want its withdrawal", last)
	}
	s.get("/api/v1/regions/houma/assessment/trail?indicator=gpd").wantError(t, 404, "not_found")
	s.get("/api/v1/regions/houma/assessment/trail?plan=15").wantError(t, 400, "invalid")
	testTrailDownload(t, s, trail)
}

// testTrailDownload: the trail's CSV and XLSX have a row per target and
// day, in the answer's order, each with the day, what changed and the
// point's judgement; in Chinese too.
func testTrailDownload(t *testing.T, s *server, trail api.TrailResponse) {
	for _, format := range []string{"csv", "xlsx"} {
		sh := download(t, s, "/api/v1/regions/houma/assessment/trail?indicator=gdp&format="+format, format, "houma_assessment_trail_gdp."+format)
		i := 0
		for _, tt := range trail.Targets {
			for _, p := range tt.Points {
				if i >= len(sh.rows) {
					t.Fatalf("%s: %d rows, fewer than the trail's points", format, len(sh.rows))
				}
				status := "withdrawn"
				switch {
				case p.Assessment != nil:
					status = p.Assessment.Status
					if !closeTo(sh.num(t, i, "probability"), p.Assessment.Probability) || !closeTo(sh.num(t, i, "target"), p.Assessment.TargetValue) {
						t.Errorf("%s row %d = %q, want %+v", format, i, sh.rows[i], *p.Assessment)
					}
				case p.Unassessed != nil:
					status = "unassessed"
				}
				if sh.cell(t, i, "as_of") != p.AsOf || sh.cell(t, i, "changed") != strings.Join(p.Changed, ", ") || sh.cell(t, i, "plan") != tt.Plan ||
					sh.num(t, i, "year") != float64(tt.Year) || sh.cell(t, i, "status") != status {
					t.Errorf("%s row %d = %q, want %s %v %s %d %s", format, i, sh.rows[i], p.AsOf, p.Changed, tt.Plan, tt.Year, status)
				}
				i++
			}
		}
		if i != len(sh.rows) || i < 8 {
			t.Errorf("%s: %d rows, the trail has %d points (want at least 8)", format, len(sh.rows), i)
		}
	}
	zh := download(t, s, "/api/v1/regions/houma/assessment/trail?indicator=gdp&plan=2021-annual&format=xlsx&lang=zh", "xlsx", "houma_assessment_trail_gdp_2021-annual.xlsx")
	last := len(zh.rows) - 1
	if last < 3 || zh.cell(t, 0, "变化") != "数据、目标" || zh.cell(t, last, "状态") != "已撤销" || zh.cell(t, last, "目标值") != "" {
		t.Errorf("the Chinese trail of the 2021 target: %q, want it to open on 数据、目标 and end 已撤销", zh.rows)
	}
}
