package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/plancast/plancast"
)

func init() {
	register(&command{name: "token", summary: "create access tokens for pushes (and reads)", run: runToken})
}

func runToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			args = []string{"create", "--help"}
		} else {
			fmt.Fprintln(stderr, `usage: plancast token create (--region R | --admin | --read) [--name LABEL]`)
			return errUsage
		}
	}
	fs := newFlagSet("token create", "(--region R | --admin | --read) [--name LABEL] [store flags]",
		"Creates an access token and prints it once; only its SHA-256 is stored.\n"+
			"A region token may push figures and targets of that region (Authorization: Bearer <token>);\n"+
			"an admin token may push for every region and declare catalog entries; a read token opens\n"+
			"the read routes when the server requires authenticated reads (--read-token / PLANCAST_READ_TOKEN).", stderr)
	var sf storeFlags
	sf.register(fs)
	region := fs.String("region", "", "the region the token may push for")
	admin := fs.Bool("admin", false, "a token for every region")
	read := fs.Bool("read", false, "a read-only token")
	name := fs.String("name", "", "a label, e.g. \"Houma statistics bureau\"")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	chosen := 0
	for _, b := range []bool{*region != "", *admin, *read} {
		if b {
			chosen++
		}
	}
	if chosen != 1 {
		fmt.Fprintln(stderr, "plancast token create: give exactly one of --region R, --admin, --read")
		return errUsage
	}
	st, err := sf.open(ctx, "stop it first: tokens are created before the server starts")
	if err != nil {
		return err
	}
	defer st.Close()

	secret, hash := plancast.NewTokenSecret()
	tok := plancast.Token{Hash: hash, Scope: plancast.ScopeWrite, Region: *region, Admin: *admin, Name: *name, Created: time.Now().UTC()}
	if *read {
		tok.Scope, tok.Admin = plancast.ScopeRead, false
	}
	if *region != "" {
		if _, err := findRegion(ctx, st, *region); err != nil {
			return err
		}
	}
	if err := st.PutToken(ctx, tok); err != nil {
		return err
	}
	scope := "write access to region " + *region
	switch {
	case *admin:
		scope = "write access to every region"
	case *read:
		scope = "read access"
	}
	fmt.Fprintf(stderr, "created a token with %s; it is shown only this once:\n", scope)
	fmt.Fprintln(stdout, secret)
	return nil
}
