//! `wit serve`: a component that exports `wasi:http/incoming-handler` (0.2) as an HTTP/1
//! server, like `wasmtime serve`. Each request gets a fresh store and instance, sandboxed
//! and limited as a call is (time, memory, fuel, outgoing HTTP); a handler that traps,
//! never answers or runs past `--timeout` gets a 500 or 504 of its own, and the server goes
//! on with the next request.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use wasmtime::Engine;
use wasmtime_wasi_http::io::TokioIo;
use wasmtime_wasi_http::p2::bindings::ProxyPre;
use wasmtime_wasi_http::p2::bindings::http::types::Scheme;
use wasmtime_wasi_http::p2::body::HyperOutgoingBody;
use wasmtime_wasi_http::{Error, WasiHttpView};

use crate::error::{RunError, chain};
use crate::failure::{call_failure, seconds};
use crate::host::{self, Clock, Host};
use crate::options::RunOptions;
use crate::runner::Loaded;

/// What every request's handling shares.
struct Serving {
    engine: Engine,
    options: RunOptions,
    program: String,
    pre: ProxyPre<Host>,
}

impl Loaded {
    /// Serves HTTP on `addr` until the process ends; `ready` is told the address once the
    /// port is bound (port 0 picks a free one). Errors: not a handler, the port cannot be
    /// bound.
    pub fn serve(&self, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<(), RunError> {
        let linked = self.linked()?;
        let pre = ProxyPre::new(linked.pre.clone()).map_err(|e| {
            self.usage(format!(
                "not an HTTP handler: it exports no `wasi:http/incoming-handler@0.2.x` ({}); \
                 `wit serve` runs those, and `wit run` calls other exports",
                chain(&e)
            ))
        })?;
        let serving = Arc::new(Serving {
            engine: self.engine().clone(),
            options: self.options().clone(),
            program: self.program(),
            pre,
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|e| self.failed(format!("cannot start tokio: {e}")))?;
        runtime.block_on(async {
            let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
                self.failed(format!(
                    "cannot listen on {addr}: {e} (choose another address with --addr)"
                ))
            })?;
            let bound = listener
                .local_addr()
                .map_err(|e| self.failed(format!("cannot read the bound address: {e}")))?;
            ready(bound);
            loop {
                // A failed accept (too many open files) ends that connection, not the server.
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let serving = serving.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |request| {
                        let serving = serving.clone();
                        async move { Ok::<_, Infallible>(serving.handle(request).await) }
                    });
                    // A client that goes away mid-request is its own business.
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        })
    }
}

impl Serving {
    /// One request on a fresh instance: the handler's response, or why there is none.
    async fn handle(
        &self,
        request: hyper::Request<hyper::body::Incoming>,
    ) -> hyper::Response<HyperOutgoingBody> {
        // A body is bounded by the memory limit of a request: one that says it is bigger is
        // refused before the guest runs, one that turns out bigger fails as it is read.
        let limit = self.options.max_memory;
        let declared = request
            .headers()
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        if declared.is_some_and(|length| length > limit as u64) {
            return answer(
                413,
                &format!(
                    "the request body is larger than {limit} bytes, the limit of a request \
                     (raise it with --max-memory)"
                ),
            );
        }
        let (parts, body) = request.into_parts();
        let body = Limited::new(body, limit).map_err(move |e| {
            if e.is::<LengthLimitError>() {
                Error::HttpRequestBodySize(Some(limit as u64))
            } else {
                match e.downcast::<hyper::Error>() {
                    Ok(e) => Error::Hyper(*e),
                    Err(other) => Error::InternalError(Some(other.to_string())),
                }
            }
        });
        let request = hyper::Request::from_parts(parts, body);
        let (mut store, _captured) = match host::store(&self.engine, &self.options, &self.program) {
            Ok(made) => made,
            Err(e) => return answer(500, &e),
        };
        let (sender, receiver) = tokio::sync::oneshot::channel();
        let prepared = (|| {
            let mut http = store.data_mut().http();
            let request = http.new_incoming_request(Scheme::Http, request)?;
            let out = http.new_response_outparam(sender)?;
            Ok::<_, wasmtime::Error>((request, out))
        })();
        let (request, out) = match prepared {
            Ok(made) => made,
            Err(e) => return answer(500, &format!("cannot pass the request: {}", chain(&e))),
        };
        let clock = Clock::start(&self.engine, self.options.timeout);
        let pre = self.pre.clone();
        let options = self.options.clone();
        let task = tokio::spawn(async move {
            // The clock lives as long as the handler: a body written after the response
            // is bounded by the same limit.
            let _clock = clock;
            let result = async {
                let proxy = pre.instantiate_async(&mut store).await?;
                proxy
                    .wasi_http_incoming_handler()
                    .call_handle(&mut store, request, out)
                    .await
            }
            .await;
            result.map_err(|e| call_failure("the handler", &e, &store.data().limits, &options))
        });
        let waited = match self.options.timeout {
            Some(limit) => tokio::time::timeout(limit, receiver).await.ok(),
            None => Some(receiver.await),
        };
        match waited {
            Some(Ok(Ok(response))) => response,
            Some(Ok(Err(code))) => answer(500, &format!("the handler failed: {code:?}")),
            // The handler ended without answering: its own error says why.
            Some(Err(_)) => match task.await {
                Ok(Err(message)) => answer(500, &message),
                _ => answer(500, "the handler returned without setting a response"),
            },
            None => {
                task.abort();
                let limit = self.options.timeout.map_or(String::new(), seconds);
                answer(
                    504,
                    &format!(
                        "the handler did not answer within {limit} (raise it with --timeout \
                         SECONDS)"
                    ),
                )
            }
        }
    }
}

/// A plain-text response of the server's own.
fn answer(status: u16, message: &str) -> hyper::Response<HyperOutgoingBody> {
    let body = Full::new(Bytes::from(format!("{message}\n")))
        .map_err(|never| match never {})
        .boxed_unsync();
    let mut response = hyper::Response::new(body);
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    response
}
