package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/plancast/plancast"
	"github.com/plancast/plancast/api"
)

func init() {
	register(&command{name: "token", summary: "create, list and revoke access tokens, also through a running server", run: runToken})
}

const tokenUsage = `Usage: plancast token create (--region R | --admin | --read) [--name LABEL]
       plancast token list [--json]
       plancast token revoke ID

Manages access tokens. Each subcommand works on the store opened directly
(store flags; on the embedded store while no server holds it) or through a
running server with --server URL --token ADMIN_TOKEN (env PLANCAST_SERVER,
PLANCAST_TOKEN). The first admin token: "plancast serve" on an embedded
store without one makes it and writes its secret to
DATA_DIR/initial-admin-token; or create it on the store before the server
starts. Run "plancast token SUBCOMMAND --help" for its flags.`

func runToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	sub, rest := "", []string(nil)
	if len(args) > 0 {
		sub, rest = args[0], args[1:]
	}
	switch sub {
	case "create":
		return runTokenCreate(ctx, rest, stdout, stderr)
	case "list":
		return runTokenList(ctx, rest, stdout, stderr)
	case "revoke":
		return runTokenRevoke(ctx, rest, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprintln(stderr, tokenUsage)
		return flag.ErrHelp
	case "":
		fmt.Fprintln(stderr, tokenUsage)
		return usageErrorf("give a subcommand: create, list or revoke")
	default:
		hint := ""
		if near := plancast.Nearest(sub, []string{"create", "list", "revoke"}); near != "" {
			hint = fmt.Sprintf("; did you mean %q?", near)
		}
		fmt.Fprintln(stderr, tokenUsage)
		return usageErrorf("unknown subcommand %q%s", sub, hint)
	}
}

// tokenFlags are the flags every token subcommand shares: the store, or a
// running server and an admin token for it.
type tokenFlags struct {
	sf     storeFlags
	server string
	token  string
	fs     *flag.FlagSet // to say whether --token or PLANCAST_TOKEN was given
}

func (f *tokenFlags) register(fs *flag.FlagSet) {
	f.fs = fs
	f.sf.register(fs)
	fs.StringVar(&f.server, "server", envOr("PLANCAST_SERVER", ""), "work through this running plancast server (URL) instead of opening the store (env PLANCAST_SERVER)")
	fs.StringVar(&f.token, "token", envOr("PLANCAST_TOKEN", ""), "admin token for --server (env PLANCAST_TOKEN)")
}

// tokens opens what the subcommand works on: the server when --server is
// set, else the store, read-only when the subcommand only reads (list);
// whileServed says how to do it through a server that holds the embedded
// store.
func (f *tokenFlags) tokens(ctx context.Context, whileServed string, reads bool) (tokenKeeper, error) {
	if f.server != "" {
		token, err := secretValue(settingName(f.fs, "token", "PLANCAST_TOKEN"), f.token)
		if err != nil {
			return nil, err
		}
		if token == "" {
			return nil, usageErrorf("--server needs an admin --token (or PLANCAST_TOKEN)")
		}
		server, err := checkURL("--server", f.server, true)
		if err != nil {
			return nil, err
		}
		return &serverTokens{server: server, token: token, client: &http.Client{Timeout: time.Minute}}, nil
	}
	open := f.sf.open
	if reads {
		open = f.sf.openExisting
	}
	st, err := open(ctx, whileServed)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return &storeTokens{st: st}, nil
}

// tokenKeeper is where tokens are managed: the store itself, or a running
// server's /api/v1/tokens. Both answer in the API's shapes, so the commands
// print the same either way.
type tokenKeeper interface {
	list(ctx context.Context) ([]api.TokenInfo, error)
	create(ctx context.Context, req api.TokenRequest) (*api.CreatedToken, error)
	revoke(ctx context.Context, id string) (*api.TokenInfo, error)
	Close() error
}

func runTokenCreate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("token create", "(--region R | --admin | --read) [--name LABEL] [--server URL --token ADMIN | store flags]",
		"Creates an access token and prints it once; only its SHA-256 is stored.\n"+
			"A region token may push figures and targets of that region (Authorization: Bearer <token>)\n"+
			"and declare new indicators (not regions, nor changes to existing entries); an admin token may\n"+
			"push for every region, declare and change any catalog entry and manage tokens; a read\n"+
			"token opens the read routes when the server requires authenticated reads (--read-token /\n"+
			"PLANCAST_READ_TOKEN). With --server the token is created through a running server, with an\n"+
			"admin token.", stderr)
	var tf tokenFlags
	tf.register(fs)
	region := fs.String("region", "", "the region the token may push for")
	admin := fs.Bool("admin", false, "a token for every region, which also manages tokens")
	read := fs.Bool("read", false, "a read-only token")
	name := fs.String("name", "", "a label, e.g. \"Houma statistics bureau\"")
	if err := parseFlags(fs, args, "the token's label is --name LABEL"); err != nil {
		return err
	}
	chosen := 0
	for _, b := range []bool{*region != "", *admin, *read} {
		if b {
			chosen++
		}
	}
	if chosen != 1 {
		return usageErrorf("give exactly one of --region R, --admin, --read")
	}
	req := api.TokenRequest{Admin: *admin, Read: *read, Name: *name}
	if *region != "" {
		req.Region = region
	}
	keeper, err := tf.tokens(ctx, "create it through that server instead: plancast token create --server URL --token ADMIN_TOKEN (the server left its first admin token in DATA_DIR/"+initialAdminFile+" if the store had none)", false)
	if err != nil {
		return err
	}
	defer keeper.Close()
	created, err := keeper.create(ctx, req)
	if err != nil {
		return err
	}
	scope := "write access to region " + created.Region
	switch {
	case created.Admin:
		scope = "write access to every region"
	case created.Scope == plancast.ScopeRead:
		scope = "read access"
	}
	fmt.Fprintf(stderr, "created token %s with %s; it is shown only this once:\n", created.ID, scope)
	fmt.Fprintln(stdout, created.Secret)
	return nil
}

func runTokenList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("token list", "[--json] [--server URL --token ADMIN | store flags]",
		"Lists every token, revoked ones too, oldest first: its id (the first 12 hex digits of its\n"+
			"hash, what plancast token revoke takes), scope (write, \"write (admin)\" or read, as the JSON's\n"+
			"scope and admin), region, name, and the dates it was created and revoked. Secrets are never\n"+
			"stored, so never shown.", stderr)
	var tf tokenFlags
	tf.register(fs)
	asJSON := fs.Bool("json", false, "print the list as JSON, as GET /api/v1/tokens answers it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	keeper, err := tf.tokens(ctx, "ask that server instead: plancast token list --server URL --token ADMIN_TOKEN", true)
	if err != nil {
		return err
	}
	defer keeper.Close()
	ts, err := keeper.list(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"tokens": ts})
	}
	if len(ts) == 0 {
		fmt.Fprintln(stdout, "no tokens; create one with plancast token create")
		return nil
	}
	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tscope\tregion\tname\tcreated\trevoked")
	for _, t := range ts {
		scope, region := t.Scope, t.Region
		if t.Admin {
			scope += " (admin)" // as in the JSON: "scope": "write", "admin": true
		}
		if region == "" {
			region = "every region"
		}
		revoked := ""
		if t.Revoked != nil {
			revoked = day(*t.Revoked)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, scope, region, t.Name, day(t.Created), revoked)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// A token in force has a blank last column: no padding after it.
	for _, line := range strings.Split(strings.TrimSuffix(table.String(), "\n"), "\n") {
		if _, err := fmt.Fprintln(stdout, strings.TrimRight(line, " ")); err != nil {
			return err
		}
	}
	return nil
}

func runTokenRevoke(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("token revoke", "ID [--server URL --token ADMIN | store flags]",
		"Revokes a token, named by the id plancast token list shows (or by its secret, which is turned\n"+
			"into its id here and sent nowhere): from then on it opens nothing,\n"+
			"and the server refuses it with 401 saying when it was revoked. Its record stays listed.\n"+
			"Revoking a revoked token changes nothing. Through a server, a token cannot revoke itself:\n"+
			"use another admin token.", stderr)
	var tf tokenFlags
	tf.register(fs)
	ids, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return usageErrorf("give the id of one token to revoke (plancast token list shows them); got %d", len(ids))
	}
	id := ids[0]
	if sid, ok := plancast.SecretID(id); ok {
		// A leaked secret is revoked by its ID: the secret itself is sent
		// nowhere, and so is in no server's log.
		fmt.Fprintf(stderr, "that is a token's secret; revoking the token by its id, %s\n", sid)
		id = sid
	}
	keeper, err := tf.tokens(ctx, "revoke it through that server instead: plancast token revoke ID --server URL --token ADMIN_TOKEN", false)
	if err != nil {
		return err
	}
	defer keeper.Close()
	t, err := keeper.revoke(ctx, id)
	if err != nil {
		return err
	}
	if t.Revoked == nil {
		return fmt.Errorf("token %s was answered as not revoked", t.ID)
	}
	label := ""
	if t.Name != "" {
		label = fmt.Sprintf(" (%s)", t.Name)
	}
	fmt.Fprintf(stdout, "token %s%s is revoked since %s\n", t.ID, label, t.Revoked.UTC().Format("2006-01-02 15:04 MST"))
	return nil
}

// day is a time's date in UTC, as the server's messages give it.
func day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// storeTokens manages the tokens of a store opened directly.
type storeTokens struct{ st plancast.Store }

func (s *storeTokens) Close() error { return s.st.Close() }

func (s *storeTokens) list(ctx context.Context) ([]api.TokenInfo, error) {
	ts, err := s.st.Tokens(ctx)
	if err != nil {
		return nil, fmt.Errorf("list the tokens: %w", err)
	}
	return api.NewTokenInfos(ts), nil
}

func (s *storeTokens) create(ctx context.Context, req api.TokenRequest) (*api.CreatedToken, error) {
	tok := req.Token()
	if tok.Region != "" {
		if _, err := findRegion(ctx, s.st, tok.Region); err != nil {
			return nil, err
		}
	}
	secret, issued, err := plancast.IssueToken(ctx, s.st, tok, time.Now())
	if err != nil {
		return nil, err
	}
	return &api.CreatedToken{TokenInfo: api.NewTokenInfo(issued), Secret: secret}, nil
}

func (s *storeTokens) revoke(ctx context.Context, id string) (*api.TokenInfo, error) {
	t, err := plancast.RevokeToken(ctx, s.st, id, time.Now())
	if err != nil {
		return nil, err
	}
	info := api.NewTokenInfo(t)
	return &info, nil
}

// serverTokens manages tokens through a running server's /api/v1/tokens.
type serverTokens struct {
	server, token string
	client        *http.Client
}

func (s *serverTokens) Close() error { return nil }

func (s *serverTokens) list(ctx context.Context) ([]api.TokenInfo, error) {
	var answer struct {
		Tokens []api.TokenInfo `json:"tokens"`
	}
	if err := s.call(ctx, http.MethodGet, "/api/v1/tokens", nil, http.StatusOK, "list the tokens", &answer); err != nil {
		return nil, err
	}
	return answer.Tokens, nil
}

func (s *serverTokens) create(ctx context.Context, req api.TokenRequest) (*api.CreatedToken, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	var created api.CreatedToken
	if err := s.call(ctx, http.MethodPost, "/api/v1/tokens", body, http.StatusCreated, "create a token", &created); err != nil {
		return nil, err
	}
	if created.Secret == "" {
		return nil, fmt.Errorf("%s answered the creation without the token's secret", s.server)
	}
	return &created, nil
}

func (s *serverTokens) revoke(ctx context.Context, id string) (*api.TokenInfo, error) {
	var t api.TokenInfo
	if err := s.call(ctx, http.MethodDelete, "/api/v1/tokens/"+url.PathEscape(id), nil, http.StatusOK, "revoke token "+id, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

// call sends one request to the server with the admin token and decodes
// the answer into v; an answer other than want is the server's error
// (serverError), which carries its code and message.
func (s *serverTokens) call(ctx context.Context, method, path string, body []byte, want int, what string, v any) error {
	req, err := http.NewRequestWithContext(ctx, method, s.server+path, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("--server %q: %w", s.server, err)
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return fmt.Errorf("ask %s to %s: %w", s.server, what, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return fmt.Errorf("ask %s to %s: read the answer: %w", s.server, what, err)
	}
	if resp.StatusCode != want {
		return serverError(resp.Status, data)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("ask %s to %s: the answer is not what plancast serves: %w", s.server, what, err)
	}
	return nil
}
