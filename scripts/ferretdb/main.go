// Command ferretdb-sqlite serves the MongoDB wire protocol on top of SQLite, for tests and the demo
// on machines where no mongod binary can be had. It is FerretDB 1.24 embedded as a library, because
// `go install .../cmd/ferretdb` of that version panics at start.
//
// Usage: ferretdb-sqlite -listen 127.0.0.1:27018 -dir ./.data/ferretdb
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27018", "TCP address to listen on")
	dir := flag.String("dir", "", "directory holding the SQLite files (created if missing)")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "ferretdb-sqlite: -dir is required")
		os.Exit(2)
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-sqlite:", err)
		os.Exit(1)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-sqlite:", err)
		os.Exit(1)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-sqlite:", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	// The parent process waits for this line before connecting.
	fmt.Printf("ready %s\n", f.MongoDBURI())
	if err := <-done; err != nil && ctx.Err() == nil {
		fmt.Fprintln(os.Stderr, "ferretdb-sqlite:", err)
		os.Exit(1)
	}
}
