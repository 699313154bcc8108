"""The webhook receiver: status updates and replies that providers push to a URL, stored before answering.

- `routes`: the three URLs (Connectus status, Connectus received SMS, IT Cloud replies), their
  secret tokens in the keyring, and the URLs to paste into each provider's console.
- `payloads`: each vendor's request shape to an event, or a refusal with its reason.
- `writer`: one thread that stores events, committing those that arrive together at once.
- `wsgi`: the WSGI application (token check, size limit, answer only after the commit).
- `server`: waitress serving it, with a clean stop that lets requests in flight finish.
- `guard`: what waitress lacks against a client without a token (a deadline per request, a cap
  per address, no body read for a wrong path).
No Qt here: the window runs the same `Receiver` on a worker thread.
"""
