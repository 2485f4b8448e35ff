package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"mime"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
	"github.com/plancast/plancast/store/spool"
)

// TestEveryAnswerMatchesItsSchema asks the running server for every
// JSON answer a client meets (each route's main variants, the writes, the
// refusals) and holds each to openapi.json, as served: its status must be
// documented for the operation, and its body must fit the schema given for
// that status. The schemas are read as a client generated from them would
// read them, strictly: a field the answer carries that the schema does not
// name is a difference (an undocumented field), as is a required field the
// answer lacks, a null where the schema is not nullable, an integer where a
// number has decimals, a value outside an enum. Every difference is
// reported, each with its JSON path.
func TestEveryAnswerMatchesItsSchema(t *testing.T) {
	t.Run("TheCheckSaysEachDifference", testSchemaCheckSaysEachDifference)

	st := seeded(t, backends[0].open(t))
	s := startServer(t, st, api.Config{BodyLimit: 256 << 10})
	doc := fetchDoc(t, s)
	t.Run("TheCheckFailsOnTheServedDocumentWithAFieldLeftOut", func(t *testing.T) {
		testSchemaCheckOnAMutilatedDocument(t, s, doc)
	})

	houma := token(t, st, plancast.Token{Region: "houma", Name: "Houma bureau"})
	zizhou := token(t, st, plancast.Token{Region: "zizhou"})
	admin := token(t, st, plancast.Token{Admin: true, Name: "operator"})
	report := func(name string) []byte { // the reference reports, as the report reader's tests read them
		b, err := os.ReadFile(filepath.Join("..", "ingest", "report", "testdata", "reports", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	houmaReport := report("004_381206a40357bc15.txt")   // many figures and targets
	zizhouMeeting := report("001_95029aba1b07eba0.txt") // none
	version := s.get("/api/v1/series/houma/gdp").header.Get("X-Data-Version")

	obs := obsJSON(t, plancast.Observation{Region: "houma", Indicator: "gdp", Year: 2019, Value: 118, Published: plancast.NewDate(2020, 3, 1)})
	obsCSV := []byte("region,indicator,year,value,published\nhouma,retail_sales,2020,60.5,2021-03-01\n")
	badCSV := []byte("region,indicator,year,value\nhouma,gdp,2018,abc\nhouma,nonsense,2018,5\n")
	tgt := []byte(`[{"region":"houma","indicator":"retail_sales","plan":"2021-annual","kind":"growth","year":2021,"value":10,"source":{"document":"2021 report"}}]`)
	tgtCSV := []byte("region,indicator,plan,kind,base_year,year,value,published\nhouma,fixed_asset_investment,14th-fyp,avg_growth,2020,2025,8,2021-04-20\n")
	badTgtCSV := []byte("region,indicator,plan,kind,year,value\nhouma,gdp,14th-fyp,sideways,2025,250\n")
	badTgt := []byte(`[{"region":"houma","indicator":"gdp","plan":"14th-fyp","kind":"sideways","year":2025,"value":250}]`)
	// A target of a year observed: judged on the figure, projected null.
	pastTgt := []byte(`[{"region":"houma","indicator":"gdp","plan":"13th-fyp","kind":"level","year":2020,"value":120}]`)
	// 5.29 亿元 typed as 52.9: refused as a likely slip, with the report.
	jump := []byte("2021年全市一般公共预算收入52.9亿元。")
	big := append([]byte("region,indicator,year,value\n"), bytes.Repeat([]byte("houma,gdp,2019,1\n"), 20000)...)

	asked := []ask{
		{method: "GET", path: "/healthz"},
		{method: "GET", path: "/api/v1"},
		{method: "GET", path: "/api/v1/"},
		{method: "GET", path: "/api/v1/openapi.json"},
		{method: "GET", path: "/api/v1/regions"},
		{method: "GET", path: "/api/v1/indicators"},
		{method: "GET", path: "/api/v1/series/houma/gdp"},
		{method: "GET", path: "/api/v1/series/houma/gdp?units=pch"},
		{method: "GET", path: "/api/v1/series/houma/gdp?units=pca"},
		{method: "GET", path: "/api/v1/series/houma/gdp?units=log&from=2015&to=2020"},
		{method: "GET", path: "/api/v1/series/houma/gdp?as_of=2021-06-30"},
		{method: "GET", path: "/api/v1/series/guyang/gdp?period=jan-nov"},
		{method: "GET", path: "/api/v1/series/houma/gdp/projection"},
		{method: "GET", path: "/api/v1/series/houma/gdp/projection?method=naive&horizon=3"},
		{method: "GET", path: "/api/v1/series/houma/gdp/projection?as_of=2021-06-30"},
		{method: "GET", path: "/api/v1/series/houma/gdp/revisions"},
		{method: "GET", path: "/api/v1/series/houma/gdp/revisions?from=2015&to=2020&as_of=2021-06-30"},
		{method: "GET", path: "/api/v1/regions/houma/assessment"},
		{method: "GET", path: "/api/v1/regions/houma/assessment?plan=14th-fyp"},
		{method: "GET", path: "/api/v1/regions/guyang/assessment"},
		{method: "GET", path: "/api/v1/regions/houma/assessment/trail"},
		{method: "GET", path: "/api/v1/regions/houma/assessment/trail?indicator=gdp&plan=14th-fyp"},
		{method: "GET", path: "/api/v1/assessment"},
		{method: "GET", path: "/api/v1/assessment?plan=2022-annual"},
		{method: "GET", path: "/api/v1/targets?region=houma"},
		{method: "GET", path: "/api/v1/targets?versions=all"},
		{method: "GET", path: "/api/v1/tokens", tok: admin},
		{method: "POST", path: "/api/v1/tokens", tok: admin, ct: "application/json", body: []byte(`{"region":"houma","name":"a second bureau"}`)},
		{method: "DELETE", path: "/api/v1/tokens/" + plancast.HashToken(zizhou)[:12], tok: admin},
		// The answers that are not JSON: their status and type.
		{method: "GET", path: "/api/v1/series/houma/gdp?format=csv"},
		{method: "GET", path: "/api/v1/regions/houma/assessment?format=xlsx"},
		{method: "GET", path: "/charts/houma/gdp.png"},
		{method: "GET", path: "/charts/compare/gdp.svg?regions=houma,zizhou"},
		{method: "GET", path: "/"},
		{method: "GET", path: "/metrics"},
		{method: "GET", path: "/favicon.ico"},
		{method: "GET", path: "/api/v1/backup", tok: admin},

		// Writes: a dry run and a real one, in JSON and CSV; refusals
		// with the problems of each row.
		{method: "POST", path: "/api/v1/observations?dry_run=true", tok: houma, ct: "application/json", body: obs},
		{method: "POST", path: "/api/v1/observations", tok: houma, ct: "application/json", body: obs},
		{method: "POST", path: "/api/v1/observations?filename=retail.csv", tok: houma, ct: "text/csv", body: obsCSV},
		{method: "POST", path: "/api/v1/observations?filename=bad.csv", tok: houma, ct: "text/csv", body: badCSV},
		{method: "POST", path: "/api/v1/targets?dry_run=true", tok: houma, ct: "application/json", body: tgt},
		{method: "POST", path: "/api/v1/targets", tok: houma, ct: "application/json", body: tgt},
		{method: "POST", path: "/api/v1/targets?filename=fai.csv", tok: houma, ct: "text/csv", body: tgtCSV},
		{method: "POST", path: "/api/v1/targets?filename=bad.csv", tok: houma, ct: "text/csv", body: badTgtCSV},
		{method: "POST", path: "/api/v1/targets?filename=bad.json", tok: houma, ct: "application/json", body: badTgt},
		{method: "POST", path: "/api/v1/targets?filename=past.json", tok: houma, ct: "application/json", body: pastTgt},
		{method: "GET", path: "/api/v1/regions/houma/assessment?plan=13th-fyp"},
		{method: "DELETE", path: "/api/v1/observations/houma/gdp/2019?dry_run=true", tok: houma},
		{method: "DELETE", path: "/api/v1/targets/houma/gdp/14th-fyp/2025?kind=level&dry_run=true", tok: houma},
		{method: "POST", path: "/api/v1/reports/extract?region=houma&document=houma-2021", ct: "text/plain; charset=utf-8", body: houmaReport},
		{method: "POST", path: "/api/v1/reports/extract?region=zizhou", ct: "text/plain; charset=utf-8", body: zizhouMeeting},
		{method: "POST", path: "/api/v1/reports/extract?region=houma&document=houma-2021&commit=true", tok: houma, ct: "text/plain; charset=utf-8", body: houmaReport},
		{method: "POST", path: "/api/v1/reports/extract?region=houma&document=houma-2021&commit=true&accept_jumps=true", tok: houma, ct: "text/plain; charset=utf-8", body: houmaReport},
		{method: "POST", path: "/api/v1/reports/extract?region=houma&commit=true", tok: houma, ct: "text/plain; charset=utf-8", body: jump},

		// Refusals.
		{method: "GET", path: "/api/v1/series/houma/gdp?units=squared"},
		{method: "GET", path: "/api/v1/series/houma/gdp?unit=pch"},
		{method: "GET", path: "/api/v1/series/atlantis/gdp"},
		{method: "GET", path: "/api/v1/series/guyang/gdp/projection"},
		{method: "GET", path: "/api/v1/assessment?plan=someday"},
		{method: "GET", path: "/api/v1/tokens", tok: houma},
		{method: "POST", path: "/api/v1/observations?filename=no-token.json", ct: "application/json", body: obs},
		{method: "POST", path: "/api/v1/observations?filename=zizhou.json", tok: zizhou, ct: "application/json", body: obs},
		{method: "POST", path: "/api/v1/observations?filename=stale.json", tok: houma, ct: "application/json", body: obs, headers: []string{"If-Match", `"` + version + `1"`}},
		{method: "POST", path: "/api/v1/observations?filename=big.csv", tok: houma, ct: "text/csv", body: big},
		{method: "POST", path: "/api/v1/observations?filename=a.yaml", tok: houma, ct: "application/x-yaml", body: []byte("a: 1")},
		{method: "POST", path: "/api/v1/targets?filename=cut.json", tok: houma, ct: "application/json", body: []byte(`[{"region":"houma",`)},
		{method: "DELETE", path: "/api/v1/observations/houma/gdp/2009", tok: houma},
		{method: "DELETE", path: "/api/v1/tokens/000000000000", tok: admin},
		{method: "POST", path: "/api/v1/targets?filename=stale.json", tok: houma, ct: "application/json", body: tgt, headers: []string{"If-Match", `"` + version + `1"`}},
		{method: "DELETE", path: "/api/v1/targets/houma/gdp/14th-fyp/2030?kind=level", tok: houma},
		{method: "POST", path: "/api/v1/tokens", tok: admin, ct: "application/json", body: []byte(`{"region":"houma","admin":true}`)},
		{method: "POST", path: "/api/v1/tokens", tok: admin, ct: "text/plain", body: []byte(`houma`)},
		{method: "POST", path: "/api/v1/reports/extract", ct: "text/plain", body: []byte("2020年地区生产总值120.8亿元。")},
		{method: "POST", path: "/api/v1/reports/extract?region=atlantis", ct: "text/plain", body: []byte("2020年地区生产总值120.8亿元。")},
		{method: "POST", path: "/api/v1/reports/extract?region=houma&commit=true&document=stale", tok: houma, ct: "text/plain", body: jump, headers: []string{"If-Match", `"` + version + `1"`}},
		{method: "PUT", path: "/api/v1/targets", tok: houma, ct: "application/json", body: tgt},
	}
	statuses := map[int]bool{}
	for _, a := range asked {
		statuses[a.check(t, s, doc).status] = true
	}

	// A push the store cannot take now is queued in the spool and
	// answered 202; /healthz then says how the spool is.
	t.Run("Queued", func(t *testing.T) {
		sp, err := spool.Open(unwritable{seeded(t, backends[0].open(t))}, filepath.Join(t.TempDir(), spool.FileName), spool.Options{WriteTimeout: time.Second, RetryMin: time.Hour, RetryMax: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { sp.Close() })
		s := startServer(t, sp, api.Config{})
		houma := token(t, sp, plancast.Token{Region: "houma"})
		for _, a := range []ask{
			{method: "POST", path: "/api/v1/observations", tok: houma, ct: "application/json", body: obs},
			{method: "POST", path: "/api/v1/targets", tok: houma, ct: "application/json", body: tgt},
			{method: "DELETE", path: "/api/v1/observations/houma/gdp/2015", tok: houma},
			{method: "DELETE", path: "/api/v1/targets/houma/gdp/14th-fyp/2025?kind=level", tok: houma},
			{method: "POST", path: "/api/v1/reports/extract?region=houma&commit=true", tok: houma, ct: "text/plain", body: []byte("2021年全市地区生产总值131.2亿元。")},
			{method: "GET", path: "/healthz"},
		} {
			statuses[a.check(t, s, doc).status] = true
		}
	})
	// A store that cannot say its data version is down: 503.
	t.Run("Down", func(t *testing.T) {
		s := startServer(t, versionless{seeded(t, backends[0].open(t))}, api.Config{})
		statuses[ask{method: "GET", path: "/healthz"}.check(t, s, doc).status] = true
	})
	// With serve --backup-dir, /healthz says how the backups go.
	t.Run("Backups", func(t *testing.T) {
		backups := func() api.BackupStatus {
			return api.BackupStatus{Dir: "/var/backups/plancast", Every: "24h0m0s", Last: time.Now(), LastFile: "/var/backups/plancast/plancast-1.db", Written: 1}
		}
		s := startServer(t, seeded(t, backends[0].open(t)), api.Config{Backups: backups})
		statuses[ask{method: "GET", path: "/healthz"}.check(t, s, doc).status] = true
	})

	// The list above must reach each kind of answer, or it checks less
	// than it seems to.
	for _, want := range []int{200, 201, 202, 400, 401, 403, 404, 405, 409, 413, 415, 503} {
		if !statuses[want] {
			t.Errorf("no request above was answered %d", want)
		}
	}
}

// ask is one request of TestEveryAnswerMatchesItsSchema.
type ask struct {
	method, path, tok, ct string
	body                  []byte
	headers               []string
}

// check asks s, and reports each way the answer differs from doc; a
// difference found again in another item of a list is counted, not
// repeated.
func (a ask) check(t *testing.T, s *server, doc schemaDoc) response {
	t.Helper()
	r := s.do(a.method, a.path, a.ct, a.tok, a.body, a.headers...)
	var first []string
	seen := map[string]int{}
	for _, d := range doc.answerDiffs(a.method, a.path, r) {
		kind := anyIndex.ReplaceAllString(d, "[]")
		if seen[kind] == 0 {
			first = append(first, d)
		}
		seen[kind]++
	}
	for _, d := range first {
		if more := seen[anyIndex.ReplaceAllString(d, "[]")] - 1; more > 0 {
			d += fmt.Sprintf(" (and in %d more items)", more)
		}
		t.Errorf("%s %s %d %s", a.method, a.path, r.status, d)
	}
	return r
}

var anyIndex = regexp.MustCompile(`\[\d+\]`)

// schemaDoc is an OpenAPI document as JSON, numbers kept as written.
type schemaDoc map[string]any

func fetchDoc(t *testing.T, s *server) schemaDoc {
	t.Helper()
	r := s.get("/api/v1/openapi.json")
	var doc schemaDoc
	if err := decodeNumbers(r.body, &doc); r.status != 200 || err != nil {
		t.Fatalf("openapi.json: %d %v", r.status, err)
	}
	return doc
}

func decodeNumbers(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return d.Decode(v)
}

// object is v as a JSON object, or nil.
func object(v any) map[string]any { m, _ := v.(map[string]any); return m }

// operation finds the documented operation a request path is answered by:
// the path template whose segments match, literal segments before
// parameters ("/charts/compare/{file}" before "/charts/{region}/{file}").
// template is "" when no documented path matches; op is nil when the path
// is documented but not with this method.
func (doc schemaDoc) operation(method, path string) (template string, op map[string]any) {
	path, _, _ = strings.Cut(path, "?")
	segs := strings.Split(path, "/")
	fewest := len(segs) + 1
	for tmpl, item := range object(doc["paths"]) {
		if n, ok := matchTemplate(strings.Split(tmpl, "/"), segs); ok && n < fewest {
			template, fewest, op = tmpl, n, object(object(item)[strings.ToLower(method)])
		}
	}
	return template, op
}

// matchTemplate reports whether a path's segments match a template's, and
// how many of them its parameters took.
func matchTemplate(tmpl, segs []string) (params int, ok bool) {
	if len(tmpl) != len(segs) {
		return 0, false
	}
	for i, t := range tmpl {
		switch {
		case strings.HasPrefix(t, "{") && segs[i] != "":
			params++
		case t != segs[i]:
			return 0, false
		}
	}
	return params, true
}

// answerDiffs lists how an answer to method path differs from the document.
func (doc schemaDoc) answerDiffs(method, path string, r response) []string {
	template, op := doc.operation(method, path)
	mt, _, _ := mime.ParseMediaType(r.header.Get("Content-Type"))
	if op == nil {
		// A method the path does not take: OpenAPI has no place for its
		// answer, so the document says it in its description, and the
		// answer is the error envelope with the methods in Allow.
		var diffs []string
		if template == "" || r.status != 405 {
			return []string{fmt.Sprintf("the document has no %s %s, and the answer is not 405", method, path)}
		}
		if !strings.Contains(object(doc["info"])["description"].(string), "405") {
			diffs = append(diffs, "405: the document's description does not say when it is answered")
		}
		var allow []string
		for m := range object(object(doc["paths"])[template]) {
			allow = append(allow, strings.ToUpper(m))
			if m == "get" {
				allow = append(allow, "HEAD")
			}
		}
		slices.Sort(allow)
		if got := r.header.Get("Allow"); got != strings.Join(allow, ", ") {
			diffs = append(diffs, fmt.Sprintf("Allow: %q, want the documented methods %q", got, strings.Join(allow, ", ")))
		}
		return append(diffs, doc.bodyDiffs(map[string]any{"$ref": "#/components/schemas/Error"}, mt, r.body)...)
	}
	resp := object(object(op["responses"])[strconv.Itoa(r.status)])
	if resp == nil {
		return []string{fmt.Sprintf("the status is not documented for %s %s", method, template)}
	}
	resp = doc.resolve(resp)
	content := object(resp["content"])
	if len(r.body) == 0 && content == nil {
		return nil
	}
	media := object(content[mt])
	if media == nil {
		return []string{fmt.Sprintf("answered in %s; the document's %d has no %s content", mt, r.status, mt)}
	}
	return doc.bodyDiffs(object(media["schema"]), mt, r.body)
}

func (doc schemaDoc) bodyDiffs(schema map[string]any, mt string, body []byte) []string {
	if mt != "application/json" {
		return nil
	}
	var v any
	if err := decodeNumbers(body, &v); err != nil {
		return []string{fmt.Sprintf("the body is not JSON: %v", err)}
	}
	return doc.diffs("$", schema, v)
}

// resolve follows $ref to what it names.
func (doc schemaDoc) resolve(s map[string]any) map[string]any {
	for s["$ref"] != nil {
		ref, _ := s["$ref"].(string)
		var node any = map[string]any(doc)
		for _, k := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			node = object(node)[k]
		}
		if node == nil {
			return map[string]any{"x-unresolved": ref}
		}
		s = object(node)
	}
	return s
}

// merged is s with the schemas of its allOf folded in: their properties
// and required fields joined, their other keywords kept where s has none.
// Whether null is allowed stays s's own (allOf: [{$ref}], nullable: true).
func (doc schemaDoc) merged(s map[string]any) map[string]any {
	parts, ok := s["allOf"].([]any)
	if !ok {
		return s
	}
	m := map[string]any{}
	props := map[string]any{}
	var required []any
	fold := func(part map[string]any, own bool) {
		for k, v := range part {
			switch {
			case k == "properties":
				maps.Copy(props, object(v))
			case k == "required":
				required = append(required, v.([]any)...)
			case k == "allOf" || (k == "nullable" && !own):
			case m[k] == nil:
				m[k] = v
			}
		}
	}
	fold(s, true)
	for _, p := range parts {
		fold(doc.merged(doc.resolve(object(p))), false)
	}
	if len(props) > 0 {
		m["properties"] = props
	}
	if len(required) > 0 {
		m["required"] = required
	}
	return m
}

// jsonType is the schema type of a JSON value; a number without a fraction
// or exponent is an integer.
func jsonType(v any) string {
	switch v := v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case json.Number:
		if strings.ContainsAny(string(v), ".eE") {
			return "number"
		}
		return "integer"
	}
	return "null"
}

// diffs lists how the value v at path differs from the schema s.
//
// Stricter than OpenAPI on one point, on purpose: a field of an object
// must be named in the schema's properties, or allowed by its
// additionalProperties (true, or a schema), even where the schema names no
// properties at all. A document is for a client to know the answer by.
func (doc schemaDoc) diffs(path string, s map[string]any, v any) []string {
	s = doc.merged(doc.resolve(s))
	var out []string
	add := func(path, format string, args ...any) { out = append(out, path+": "+fmt.Sprintf(format, args...)) }
	if ref := s["x-unresolved"]; ref != nil {
		add(path, "the schema %v is not in the document", ref)
		return out
	}
	if v == nil {
		if s["nullable"] != true {
			add(path, "null, but the schema is not nullable")
		}
		return out
	}
	for _, key := range []string{"oneOf", "anyOf"} {
		alts, ok := s[key].([]any)
		if !ok {
			continue
		}
		var nearest []string
		for i, alt := range alts {
			d := doc.diffs(path, object(alt), v)
			if len(d) == 0 {
				return nil
			}
			if i == 0 || len(d) < len(nearest) {
				nearest = d
			}
		}
		add(path, "fits none of the schemas of its %s; the nearest differs so:", key)
		return append(out, nearest...)
	}
	got := jsonType(v)
	if want, ok := s["type"].(string); ok && want != got && !(want == "number" && got == "integer") {
		add(path, "a JSON %s, but the schema says %s", got, want)
		return out
	}
	if enum, ok := s["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return fmt.Sprint(e) == fmt.Sprint(v) }) {
		add(path, "%v is not one of the schema's %v", v, enum)
	}
	switch v := v.(type) {
	case map[string]any:
		props := object(s["properties"])
		required, _ := s["required"].([]any)
		for _, r := range required {
			if _, ok := v[r.(string)]; !ok {
				add(path+"."+r.(string), "required, but missing")
			}
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			switch extra := s["additionalProperties"]; {
			case props[k] != nil:
				out = append(out, doc.diffs(path+"."+k, object(props[k]), v[k])...)
			case object(extra) != nil:
				out = append(out, doc.diffs(path+"."+k, object(extra), v[k])...)
			case extra != true:
				add(path+"."+k, "not in the schema")
			}
		}
	case []any:
		if items := object(s["items"]); items != nil {
			for i, item := range v {
				out = append(out, doc.diffs(fmt.Sprintf("%s[%d]", path, i), items, item)...)
			}
		}
	}
	return out
}

// testSchemaCheckSaysEachDifference: the check finds what it is meant to,
// on a schema and an answer made to differ in every way it looks at.
func testSchemaCheckSaysEachDifference(t *testing.T) {
	var doc schemaDoc
	if err := decodeNumbers([]byte(`{"components": {"schemas": {
		"Point": {"type": "object", "required": ["year"], "properties": {"year": {"type": "integer"}, "mean": {"type": "number"}}},
		"Named": {"allOf": [{"$ref": "#/components/schemas/Point"}, {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}]},
		"Answer": {"type": "object", "required": ["status"], "properties": {
			"status": {"type": "string", "enum": ["ok", "down"]},
			"mode": {"type": "string", "enum": ["auto", "naive"]},
			"both": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
			"point": {"$ref": "#/components/schemas/Point"},
			"maybe": {"allOf": [{"$ref": "#/components/schemas/Point"}], "nullable": true},
			"never_null": {"$ref": "#/components/schemas/Point"},
			"named": {"$ref": "#/components/schemas/Named"},
			"either": {"oneOf": [{"type": "integer"}, {"type": "array", "items": {"type": "string"}}]},
			"counts": {"type": "object", "additionalProperties": {"type": "integer"}},
			"closed": {"type": "object", "properties": {"a": {"type": "boolean"}}, "additionalProperties": false},
			"open": {"type": "object", "additionalProperties": true},
			"bare": {"type": "object"},
			"list": {"type": "array", "items": {"$ref": "#/components/schemas/Point"}},
			"gone": {"$ref": "#/components/schemas/Gone"}}}}}}`), &doc); err != nil {
		t.Fatal(err)
	}
	var answer any
	if err := decodeNumbers([]byte(`{
		"point": {"year": 2020.5, "mean": 3},
		"mode": "crystal_ball",
		"both": 7,
		"maybe": null,
		"never_null": null,
		"named": {"year": 2020, "extra": 1},
		"either": [1],
		"counts": {"a": 1, "b": "two"},
		"closed": {"a": "yes", "b": true},
		"open": {"anything": [1, "x"]},
		"bare": {"x": 1},
		"list": [{"year": 2020}, {"mean": 1.5}],
		"gone": {},
		"surprise": true}`), &answer); err != nil {
		t.Fatal(err)
	}
	got := doc.diffs("$", map[string]any{"$ref": "#/components/schemas/Answer"}, answer)
	want := []string{
		"$.status: required, but missing",
		"$.bare.x: not in the schema",
		"$.closed.a: a JSON string, but the schema says boolean",
		"$.closed.b: not in the schema",
		"$.counts.b: a JSON string, but the schema says integer",
		"$.either: fits none of the schemas of its oneOf; the nearest differs so:",
		"$.either: a JSON array, but the schema says integer",
		"$.gone: the schema #/components/schemas/Gone is not in the document",
		"$.list[1].year: required, but missing",
		"$.mode: crystal_ball is not one of the schema's [auto naive]",
		"$.named.name: required, but missing",
		"$.named.extra: not in the schema",
		"$.never_null: null, but the schema is not nullable",
		"$.point.year: a JSON number, but the schema says integer",
		"$.surprise: not in the schema",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the check says\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if d := doc.diffs("$", map[string]any{"$ref": "#/components/schemas/Answer"}, map[string]any{"status": "ok"}); len(d) != 0 {
		t.Errorf("an answer that fits: %q", d)
	}
}

// testSchemaCheckOnAMutilatedDocument: a field taken out of the served
// document's schema is said of a real answer, where the whole document
// finds nothing to say.
func testSchemaCheckOnAMutilatedDocument(t *testing.T, s *server, doc schemaDoc) {
	r := s.get("/api/v1/series/houma/gdp")
	var copied schemaDoc
	b, _ := json.Marshal(doc)
	if err := decodeNumbers(b, &copied); err != nil {
		t.Fatal(err)
	}
	delete(object(object(object(object(copied["components"])["schemas"])["Observation"])["properties"]), "published")
	before := doc.answerDiffs("GET", "/api/v1/series/houma/gdp", r)
	got := slices.DeleteFunc(copied.answerDiffs("GET", "/api/v1/series/houma/gdp", r), func(d string) bool { return slices.Contains(before, d) })
	want := []string{"$.observations[0].published: not in the schema", "$.observations[1].published: not in the schema"}
	if !slices.Equal(got, want) {
		t.Errorf("with Observation.published left out of the document, the check says %q more; want %q", got, want)
	}
}

// unwritable is a store that cannot take writes now, as an InfluxDB that is
// down: a spool in front of it queues them.
type unwritable struct{ plancast.Store }

func (unwritable) WriteObservations(context.Context, []plancast.Observation) (plancast.WriteResult, error) {
	return plancast.WriteResult{}, plancast.Errorf(plancast.EUNAVAILABLE, "the backend is down")
}

func (unwritable) WriteTargets(context.Context, []plancast.Target) (plancast.WriteResult, error) {
	return plancast.WriteResult{}, plancast.Errorf(plancast.EUNAVAILABLE, "the backend is down")
}

// versionless is a store that cannot say its data version: it is down.
type versionless struct{ plancast.Store }

func (versionless) DataVersion(context.Context) (string, error) {
	return "", plancast.Errorf(plancast.EUNAVAILABLE, "the backend is down")
}
