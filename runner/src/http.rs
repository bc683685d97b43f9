//! `wasi:http` 0.2 for components that import it: outgoing requests are refused unless the
//! host is allowed (`--allow-http HOST`) or the network is (`--inherit-network`); each refusal
//! is remembered, so that the message after the call names the host and the flag.

use std::sync::{Arc, Mutex};

use wasmtime_wasi_http::{Error, RequestOptions, WasiBody, WasiHttpHooks, default_hooks};

/// Which hosts the guest may send HTTP requests to, and the ones it was refused.
pub(crate) struct HttpPolicy {
    /// `--allow-http HOST` (or `HOST:PORT`).
    pub allowed: Vec<String>,
    /// `--inherit-network`: every host.
    pub any: bool,
    /// The authorities refused so far, in order, each once.
    pub refused: Arc<Mutex<Vec<String>>>,
}

impl HttpPolicy {
    fn allows(&self, host: &str, authority: &str) -> bool {
        self.any
            || self
                .allowed
                .iter()
                .any(|a| a.eq_ignore_ascii_case(host) || a.eq_ignore_ascii_case(authority))
    }
}

type Sent = Result<
    (
        http::Response<WasiBody>,
        Box<dyn Future<Output = Result<(), Error>> + Send>,
    ),
    Error,
>;

impl WasiHttpHooks for HttpPolicy {
    fn send_request(
        &mut self,
        request: http::Request<WasiBody>,
        options: Option<RequestOptions>,
        fut: Box<dyn Future<Output = Result<(), Error>> + Send>,
    ) -> Box<dyn Future<Output = Sent> + Send> {
        let host = request.uri().host().unwrap_or_default().to_string();
        let authority = request
            .uri()
            .authority()
            .map_or(host.clone(), |a| a.to_string());
        if self.allows(&host, &authority) {
            return default_hooks().send_request(request, options, fut);
        }
        if let Ok(mut refused) = self.refused.lock()
            && !refused.contains(&authority)
        {
            refused.push(authority);
        }
        Box::new(async { Err(Error::HttpRequestDenied) })
    }
}

/// The note that says which requests were refused and how to allow them.
pub(crate) fn refusal_note(refused: &[String]) -> Option<String> {
    let first = refused.first()?;
    let host = first.rsplit_once(':').map_or(first.as_str(), |(h, _)| h);
    Some(format!(
        "the guest's HTTP request to {} was refused: the sandbox has no network; allow a host \
         with --allow-http {host} (or every host with --inherit-network)",
        refused.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_hosts_and_the_note_of_a_refusal() {
        let policy = HttpPolicy {
            allowed: vec!["example.com".into(), "localhost:8080".into()],
            any: false,
            refused: Arc::default(),
        };
        assert!(policy.allows("example.com", "example.com:443"));
        assert!(policy.allows("EXAMPLE.com", "EXAMPLE.com"));
        assert!(policy.allows("localhost", "localhost:8080"));
        assert!(!policy.allows("localhost", "localhost:9090"));
        assert!(!policy.allows("example.org", "example.org"));
        let open = HttpPolicy {
            allowed: Vec::new(),
            any: true,
            refused: Arc::default(),
        };
        assert!(open.allows("anywhere", "anywhere:1"));
        assert_eq!(refusal_note(&[]), None);
        insta::assert_snapshot!(refusal_note(&["api.example.com:443".into()]).unwrap(), @"the guest's HTTP request to api.example.com:443 was refused: the sandbox has no network; allow a host with --allow-http api.example.com (or every host with --inherit-network)");
    }
}
