package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/exosh/exosh/cmdlets/mailflow"
	"github.com/exosh/exosh/shell"
	"github.com/exosh/exosh/store"
	"github.com/exosh/exosh/store/demo"
)

// defaultServeAddr is where -Serve listens without an address: loopback only, on a port
// that needs no privileges.
const defaultServeAddr = "127.0.0.1:2525"

// serve runs the SMTP listener on addr until Ctrl-C or SIGTERM, routing every accepted
// message into the tenant. The tenant is held per message, so exosh shells on the same
// state directory keep working while the listener runs.
func serve(addr string, st store.Store, clk shell.Clock, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if _, err := demo.Ensure(ctx, st); err != nil {
		fmt.Fprintln(stderr, "exosh:", err)
		return 1
	}
	h := heldHandler{st: st, next: mailflow.NewTenantHandler(st, clk)}
	err := mailflow.Serve(ctx, addr, h, mailflow.ServeOptions{
		Ready: func(a net.Addr) {
			fmt.Fprintf(stdout, "exosh: SMTP listener on %s delivering into the tenant; Ctrl-C stops it.\n", a)
		},
	})
	if err != nil && ctx.Err() == nil {
		fmt.Fprintln(stderr, "exosh:", err)
		return 1
	}
	return 0
}

// heldHandler holds the tenant for the whole of each SMTP step, so one message's routing
// opens the state once and no other process interleaves with it.
type heldHandler struct {
	st   store.Store
	next mailflow.Handler
}

func (h heldHandler) Accept(ctx context.Context, from, to string) error {
	release := h.st.Hold()
	defer release()
	return h.next.Accept(ctx, from, to)
}

func (h heldHandler) Deliver(ctx context.Context, e mailflow.Envelope) error {
	release := h.st.Hold()
	defer release()
	return h.next.Deliver(ctx, e)
}
