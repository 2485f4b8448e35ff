package api_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

// logBuffer collects a server's log lines; the server writes from its own
// goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// houmaFigure is a push of one Houma figure as CSV.
const houmaFigure = "region,indicator,year,value,published\nhouma,gdp,2021,131.2,2022-03-01\n"

// listTokens lists the tokens as the admin token sees them.
func listTokens(t *testing.T, s *server, admin string) []api.TokenInfo {
	t.Helper()
	var list struct{ Tokens []api.TokenInfo }
	r := s.do("GET", "/api/v1/tokens", "", admin, nil)
	r.decode(t, 200, &list)
	if cc := r.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("the listing is answered with Cache-Control %q, want no-store", cc)
	}
	return list.Tokens
}

// createToken creates a token through the API and returns its answer.
func createToken(t *testing.T, s *server, admin, body string) api.CreatedToken {
	t.Helper()
	var created api.CreatedToken
	r := s.do("POST", "/api/v1/tokens", "application/json", admin, []byte(body))
	r.decode(t, 201, &created)
	var flat map[string]any // the listing's fields and the secret side by side
	if err := json.Unmarshal(r.body, &flat); err != nil || flat["id"] != created.ID || flat["secret"] != created.Secret || created.Secret == "" {
		t.Errorf("a created token is answered %s; want its listing's fields and its secret in one object", r.body)
	}
	if cc := r.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("a created token's secret is answered with Cache-Control %q, want no-store", cc)
	}
	return created
}

// An admin lists, creates and revokes tokens over HTTP while the server
// runs: a created secret pushes at once, a revoked one is refused at once,
// on writes and on reads, with the date it was revoked. Nobody else may
// manage tokens, and no answer or log line holds a secret or a whole hash.
func TestTokensAreManagedOverHTTPByAnAdmin(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			st := seeded(t, b.open(t))
			logs := &logBuffer{}
			s := startServer(t, st, api.Config{ReadToken: "pc_shared-read-secret", Logger: slog.New(slog.NewTextHandler(logs, nil))})
			admin := token(t, st, plancast.Token{Admin: true, Name: "operator"})
			houma := token(t, st, plancast.Token{Region: "houma", Name: "Houma bureau"})
			reader := token(t, st, plancast.Token{Scope: plancast.ScopeRead})
			var secrets []string // every secret of the test: none may show in a listing or a log

			t.Run("OnlyAnAdminManagesTokens", func(t *testing.T) {
				for _, route := range []struct{ method, path, body string }{
					{"GET", "/api/v1/tokens", ""},
					{"POST", "/api/v1/tokens", `{"region": "houma"}`},
					{"DELETE", "/api/v1/tokens/" + plancast.HashToken(houma)[:12], ""},
				} {
					s.do(route.method, route.path, "application/json", "", []byte(route.body)).wantError(t, 401, "unauthorized")
					s.do(route.method, route.path, "application/json", "pc_not-a-token", []byte(route.body)).wantError(t, 401, "unauthorized")
					s.do(route.method, route.path, "application/json", reader, []byte(route.body)).wantError(t, 403, "forbidden")
					if msg := s.do(route.method, route.path, "application/json", houma, []byte(route.body)).wantError(t, 403, "forbidden"); !strings.Contains(msg, "admin token") {
						t.Errorf("%s %s with a region's token is refused with %q, which does not say an admin token is needed", route.method, route.path, msg)
					}
				}
				if ts := listTokens(t, s, admin); len(ts) != 3 || ts[1].Revoked != nil {
					t.Fatalf("after the refused requests the tokens are %+v; want the 3 stored, none revoked", ts)
				}
			})

			t.Run("TheListingShowsNoSecret", func(t *testing.T) {
				r := s.do("GET", "/api/v1/tokens", "", admin, nil)
				var list struct{ Tokens []api.TokenInfo }
				r.decode(t, 200, &list)
				ts := list.Tokens
				if len(ts) != 3 {
					t.Fatalf("listed %d tokens, want 3: %s", len(ts), r.body)
				}
				want := []api.TokenInfo{
					{ID: plancast.HashToken(admin)[:12], Scope: "write", Admin: true, Name: "operator"},
					{ID: plancast.HashToken(houma)[:12], Scope: "write", Region: "houma", Name: "Houma bureau"},
					{ID: plancast.HashToken(reader)[:12], Scope: "read"},
				}
				for i, w := range want {
					got := ts[i]
					got.Created = time.Time{}
					if got != w || ts[i].Created.IsZero() {
						t.Errorf("token %d listed as %+v, want %+v with its creation time (oldest first)", i, ts[i], w)
					}
				}
				for _, secret := range []string{admin, houma, reader} {
					if bytes.Contains(r.body, []byte(secret)) || bytes.Contains(r.body, []byte(plancast.HashToken(secret))) {
						t.Errorf("the listing holds a secret or a whole hash: %s", r.body)
					}
				}
				if bytes.Contains(r.body, []byte(`"hash"`)) || bytes.Contains(r.body, []byte(`"secret"`)) {
					t.Errorf("the listing has a hash or secret field: %s", r.body)
				}
			})

			var bureau api.CreatedToken
			t.Run("ACreatedSecretPushesAtOnce", func(t *testing.T) {
				bureau = createToken(t, s, admin, `{"region": "houma", "name": "Houma statistics bureau"}`)
				secrets = append(secrets, bureau.Secret)
				if !strings.HasPrefix(bureau.Secret, "pc_") || bureau.ID != plancast.HashToken(bureau.Secret)[:12] ||
					bureau.Scope != "write" || bureau.Region != "houma" || bureau.Admin || bureau.Name != "Houma statistics bureau" || bureau.Revoked != nil {
					t.Fatalf("created %+v; want a Houma write token named as asked, its id the start of its secret's hash", bureau)
				}
				if since := time.Since(bureau.Created); since < 0 || since > time.Minute {
					t.Errorf("created at %v, not now", bureau.Created)
				}
				var pr api.PushResponse
				s.do("POST", "/api/v1/observations", "text/csv", bureau.Secret, []byte(houmaFigure)).decode(t, 200, &pr)
				zizhou := strings.ReplaceAll(houmaFigure, "houma,", "zizhou,")
				s.do("POST", "/api/v1/observations", "text/csv", bureau.Secret, []byte(zizhou)).wantError(t, 403, "forbidden")

				boss := createToken(t, s, admin, `{"admin": true}`)
				analyst := createToken(t, s, admin, `{"read": true, "name": "planning office"}`)
				secrets = append(secrets, boss.Secret, analyst.Secret)
				if !boss.Admin || boss.Scope != "write" || boss.Region != "" {
					t.Errorf("an admin token was created as %+v", boss)
				}
				if analyst.Scope != "read" || analyst.Admin || analyst.Name != "planning office" {
					t.Errorf("a read token was created as %+v", analyst)
				}
				s.do("GET", "/api/v1/series/houma/gdp", "", analyst.Secret, nil).decode(t, 200, nil)
				s.do("POST", "/api/v1/observations", "text/csv", analyst.Secret, []byte(houmaFigure)).wantError(t, 403, "forbidden")
				if ts := listTokens(t, s, boss.Secret); len(ts) != 6 || ts[3].ID != bureau.ID || ts[5].ID != analyst.ID {
					t.Errorf("after three creations the listing is %+v; want 6, the new ones last", ts)
				}
				if !strings.Contains(logs.String(), "token created") || !strings.Contains(logs.String(), "id="+bureau.ID) || !strings.Contains(logs.String(), `name="Houma statistics bureau"`) {
					t.Errorf("the creation is not logged with its id and name:\n%s", logs.String())
				}
			})

			t.Run("ARevokedSecretIsRefusedAtOnce", func(t *testing.T) {
				if bureau.Secret == "" {
					t.Fatal("the token created above is missing")
				}
				var revoked api.TokenInfo
				r := s.do("DELETE", "/api/v1/tokens/"+bureau.ID, "", admin, nil)
				r.decode(t, 200, &revoked)
				if revoked.ID != bureau.ID || revoked.Revoked == nil || revoked.Name != "Houma statistics bureau" {
					t.Fatalf("the revocation answers %+v; want the token with its revocation time", revoked)
				}
				if cc := r.header.Get("Cache-Control"); cc != "no-store" {
					t.Errorf("the revocation is answered with Cache-Control %q", cc)
				}
				wantMsg := "the token " + bureau.ID + " was revoked on " + revoked.Revoked.UTC().Format(time.DateOnly)
				msg := s.do("POST", "/api/v1/observations", "text/csv", bureau.Secret, []byte(houmaFigure)).wantError(t, 401, "unauthorized")
				if !strings.Contains(msg, wantMsg) {
					t.Errorf("a push with the revoked token is refused with %q; want %q", msg, wantMsg)
				}
				// The server requires a read token: a revoked one opens no read either.
				msg = s.do("GET", "/api/v1/series/houma/gdp", "", bureau.Secret, nil).wantError(t, 401, "unauthorized")
				if !strings.Contains(msg, wantMsg) {
					t.Errorf("a read with the revoked token is refused with %q; want %q", msg, wantMsg)
				}
				s.do("GET", "/charts/houma/gdp.svg", "", bureau.Secret, nil).wantError(t, 401, "unauthorized")
				// Another token of the same region is untouched.
				var pr api.PushResponse
				s.do("POST", "/api/v1/observations", "text/csv", houma, []byte(houmaFigure)).decode(t, 200, &pr)

				// Revoking it again changes nothing, and it stays listed with its date.
				var again api.TokenInfo
				s.do("DELETE", "/api/v1/tokens/"+bureau.ID, "", admin, nil).decode(t, 200, &again)
				if again.Revoked == nil || !again.Revoked.Equal(*revoked.Revoked) {
					t.Errorf("revoked again, the token says %v; want the first revocation, %v", again.Revoked, revoked.Revoked)
				}
				ts := listTokens(t, s, admin)
				if len(ts) != 6 || ts[3].ID != bureau.ID || ts[3].Revoked == nil || !ts[3].Revoked.Equal(*revoked.Revoked) {
					t.Errorf("after the revocation the listing is %+v; want the token still listed, with its revocation", ts)
				}
				if n := strings.Count(logs.String(), "token revoked"); n != 1 || !strings.Contains(logs.String(), "id="+bureau.ID) {
					t.Errorf("%d revocations logged, want 1 with the id:\n%s", n, logs.String())
				}
			})

			t.Run("NoTokenRevokesItself", func(t *testing.T) {
				self := plancast.HashToken(admin)
				for _, id := range []string{self[:12], self} {
					if msg := s.do("DELETE", "/api/v1/tokens/"+id, "", admin, nil).wantError(t, 409, "conflict"); !strings.Contains(msg, "another admin token") {
						t.Errorf("an admin token revoking itself is refused with %q; want it told to use another admin token", msg)
					}
				}
				listTokens(t, s, admin) // still in force

				// Another admin token may revoke it, and it is refused from then on.
				second := createToken(t, s, admin, `{"admin": true, "name": "deputy"}`)
				secrets = append(secrets, second.Secret)
				s.do("DELETE", "/api/v1/tokens/"+self[:12], "", second.Secret, nil).decode(t, 200, nil)
				if msg := s.do("GET", "/api/v1/tokens", "", admin, nil).wantError(t, 401, "unauthorized"); !strings.Contains(msg, "was revoked on") {
					t.Errorf("the revoked admin token lists the tokens: refused with %q", msg)
				}
			})

			t.Run("UnknownAndMalformedIDs", func(t *testing.T) {
				boss := createToken(t, s, freshAdmin(t, st), `{"admin": true}`)
				secrets = append(secrets, boss.Secret)
				if msg := s.do("DELETE", "/api/v1/tokens/0123456789ab", "", boss.Secret, nil).wantError(t, 404, "not_found"); !strings.Contains(msg, "0123456789ab") {
					t.Errorf("an unknown id is answered %q, which does not name it", msg)
				}
				for _, bad := range []string{"xyz", "0123456789abc", strings.Repeat("g", 12)} {
					if msg := s.do("DELETE", "/api/v1/tokens/"+bad, "", boss.Secret, nil).wantError(t, 400, "invalid"); !strings.Contains(msg, "12 hex digits") {
						t.Errorf("id %q is answered %q, which does not say what an id looks like", bad, msg)
					}
				}
			})

			t.Run("BadBodiesAreRefusedNamingTheField", func(t *testing.T) {
				boss := createToken(t, s, freshAdmin(t, st), `{"admin": true}`)
				secrets = append(secrets, boss.Secret)
				before := listTokens(t, s, boss.Secret)
				for _, c := range []struct{ body, want string }{
					{``, "body is empty"},
					{`{"region": `, "not a JSON object"},
					{`["houma"]`, "not a JSON object"},
					{`{}`, `exactly one of the fields "region", "admin" and "read"`},
					{`{"region": "houma", "admin": true}`, "exactly one"},
					{`{"admin": true, "read": true}`, "exactly one"},
					{`{"regoin": "houma"}`, `unknown field "regoin"; did you mean "region"?`},
					{`{"admin": "yes"}`, `field "admin" must be true or false`},
					{`{"region": 7}`, `field "region" must be a region code`},
					{`{"region": ""}`, `field "region" is empty`},
					{`{"region": "atlantis"}`, `region "atlantis" is not in the catalog`},
					{`{"region": "Hou ma"}`, `region "Hou ma" is not a valid code`},
					{`{"read": true, "name": "` + strings.Repeat("x", 201) + `"}`, `field "name" is longer than 200 characters`},
					{`{"read": true, "name": "a\nb"}`, `field "name" holds a control character`},
					{`{"read": true} {"admin": true}`, "more than one JSON value"},
				} {
					msg := s.do("POST", "/api/v1/tokens", "application/json", boss.Secret, []byte(c.body)).wantError(t, 400, "invalid")
					if !strings.Contains(msg, c.want) {
						t.Errorf("body %.40q is refused with %q; want it to say %q", c.body, msg, c.want)
					}
				}
				s.do("POST", "/api/v1/tokens", "text/csv", boss.Secret, []byte("region\nhouma\n")).wantError(t, 415, "invalid")
				if after := listTokens(t, s, boss.Secret); len(after) != len(before) {
					t.Errorf("the refused bodies created %d tokens", len(after)-len(before))
				}
			})

			// No secret is ever logged; the token lines name tokens by id
			// only. (The request log shows paths as asked, a whole hash
			// given to DELETE too.)
			var tokenLines []string
			for _, line := range strings.Split(logs.String(), "\n") {
				if strings.Contains(line, `msg="token `) {
					tokenLines = append(tokenLines, line)
				}
			}
			if len(tokenLines) < 5 {
				t.Errorf("%d token lines logged, want the creations and revocations:\n%s", len(tokenLines), logs.String())
			}
			for _, secret := range append(secrets, admin, houma, reader) {
				if strings.Contains(logs.String(), secret) || strings.Contains(strings.Join(tokenLines, "\n"), plancast.HashToken(secret)) {
					t.Errorf("the log holds a secret, or a token line a whole hash:\n%s", logs.String())
				}
			}
		})
	}
}

// freshAdmin stores a fresh admin token, for subtests that must not depend
// on tokens revoked by the ones before.
func freshAdmin(t *testing.T, st plancast.Store) string {
	t.Helper()
	return token(t, st, plancast.Token{Admin: true, Name: "fresh admin"})
}
