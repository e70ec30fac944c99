import Affiliates
import Billing
import GeoIP
import HTTPSupport
import Hummingbird
import Insights
import Kernel
import Programs
import Storefront
import StripeBilling
import Tracking

/// Mounts every route. Plan gates per resource family are decided here, in one place.
func buildRouter(services: VouchServices, configuration: ServerConfiguration, adminToken: String, clock: any WallClock) throws -> Router<AppRequestContext> {
    // HEAD answers as GET does, without the body (load balancers probe `/healthz` so); the pixel has its own, which
    // records nothing.
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: RequestLogMiddleware())

    HealthRoutes.add(to: router, database: services.database)
    let openAPI = try OpenAPIDocument.load()
    router.get("openapi.json") { _, _ in openAPI }

    let admin = router.group("admin/tenants").add(middleware: AdminAuthMiddleware(token: adminToken))
    AdminController(tenants: services.tenants, credentials: services.credentials).addRoutes(to: admin)

    // One middleware, so a key has one budget across every authenticated family.
    let apiAuth = APIAuthMiddleware(
        credentials: services.credentials,
        keyLimiter: RateLimiter(limit: configuration.apiRateLimit, window: 60, clock: clock),
        anonymousLimiter: RateLimiter(limit: configuration.anonymousRateLimit, window: 60, clock: clock))
    let api = router.group("api").add(middleware: apiAuth).group(context: APIRequestContext.self)
    OrganizationController(billingState: services.billingState, homeCurrency: services.homeCurrency).addRoutes(to: api)

    let programs = api.group("v1/programs").add(middleware: PlanGateMiddleware(.starter))
    ProgramsController(programs: services.programs).addRoutes(to: programs)

    let affiliatesController = AffiliatesController<APIRequestContext>(
        affiliates: services.affiliates, tenants: services.tenants, notifier: services.notifier, earnings: services.conversions)
    let affiliates = api.group("v1/affiliates").add(middleware: PlanGateMiddleware(.starter))
    affiliatesController.addRoutes(to: affiliates)
    AffiliateCouponsController(affiliates: services.affiliates).addRoutes(to: affiliates)
    AffiliateAccessController(access: services.affiliateAccess).addRoutes(to: affiliates)
    let taxFormsController = TaxFormsController(taxForms: services.taxForms)
    taxFormsController.addRoutes(to: affiliates)
    let importLimiter = RateLimiter(limit: configuration.importRateLimit, window: 60, clock: clock)
    affiliatesController.addImportRoute(to: affiliates.group("import").add(middleware: KeyRateLimitMiddleware(limiter: importLimiter)))

    /// Anonymous routes: limited per client address, each family with budgets of its own.
    func publicLimits() -> PublicRateLimitMiddleware {
        PublicRateLimitMiddleware(
            reads: RateLimiter(limit: configuration.publicReadRateLimit, window: 60, clock: clock),
            writes: RateLimiter(limit: configuration.publicWriteRateLimit, window: 60, clock: clock))
    }
    let storefront = router.group("api/p")
        .add(middleware: publicLimits())
    StorefrontController(tenants: services.tenants, programs: services.programs, applications: services.affiliates).addRoutes(to: storefront)
    OperatorRoutes.add(to: admin, services: services)

    let invitesController = InvitesController(invites: services.invites)
    invitesController.addRoutes(to: api.group("affiliate-invites"))
    let invitesByToken = router.group("api/affiliate-invites/by-token")
        .add(middleware: publicLimits())
    invitesController.addPublicRoutes(to: invitesByToken)
    let downloads = router.group("downloads/tax-forms")
        .add(middleware: publicLimits())
    taxFormsController.addDownloadRoute(to: downloads)

    AttributionParamsController(params: services.attributionParams).addRoutes(to: api.group("v1/settings/attribution-params"))
    AttributionParamsController.addDefaultsRoute(to: router.group("api/v1/settings/attribution-params/defaults").add(middleware: publicLimits()))
    WebTrackingController(pixelKeys: services.pixelKeys).addRoutes(to: api.group("v1/settings/web-tracking"))
    let installSnippet = api.group("v1/r/install-snippet").add(middleware: PlanGateMiddleware(.starter))
    InstallSnippetController(snippets: services.installSnippets).addRoutes(to: installSnippet)
    // The loader is fetched by every page view of a brand's site: the read budget applies.
    try LoaderController().addRoutes(to: router.group("api/v1/r/loader.js").add(middleware: publicLimits()))
    let passthrough = router.group("passthrough-referrers").add(middleware: apiAuth.renderingErrors(with: PassthroughEnvelope.failure))
        .group(context: APIRequestContext.self)
    PassthroughReferrersController(referrers: services.passthroughReferrers, tenants: services.tenants).addRoutes(to: passthrough)

    // Browsers on brands' sites: CORS, and one per-address budget across clicks, heartbeats and leads.
    let trackingLimits = PublicRateLimitMiddleware(
        reads: RateLimiter(limit: configuration.publicReadRateLimit, window: 60, clock: clock),
        writes: RateLimiter(limit: configuration.trackingRateLimit, window: 60, clock: clock))
    let browserTracking = router.group("api/tracking").add(middleware: TrackingCORSMiddleware()).add(middleware: trackingLimits)
    let countries = CountryResolver(
        headerName: configuration.countryHeader, lookup: try configuration.geoIPDatabase.map { try MaxMindCountryLookup(path: $0) })
    ClickTrackingController(clicks: services.clicks, countries: countries).addRoutes(to: browserTracking)
    let browserScript = router.group("api/v1/r").add(middleware: TrackingCORSMiddleware()).add(middleware: trackingLimits)
    BrowserLeadController(ledger: services.conversions).addRoutes(to: browserScript)
    PixelController(clicks: services.clicks, countries: countries).addRoutes(to: browserScript)
    let signedTracking = api.group("tracking").add(middleware: PlanGateMiddleware(.starter))
    ServerToServerController(ledger: services.conversions, verifier: services.signatures).addRoutes(to: signedTracking)
    let conversions = api.group("v1/conversions").add(middleware: PlanGateMiddleware(.starter))
    ConversionsController(ledger: services.conversions).addRoutes(to: conversions)
    let conversionImports = conversions.group("import").add(middleware: KeyRateLimitMiddleware(limiter: importLimiter))
    ConversionImportController(importer: services.conversionImporter).addRoutes(to: conversionImports)
    let dashboard = DashboardController<APIRequestContext>(insights: services.insights)
    dashboard.addRoutes(to: api.group("v1/dashboard").add(middleware: PlanGateMiddleware(.starter)))
    dashboard.addModuleRoute(to: api.group("metrics/insights").add(middleware: PlanGateMiddleware(.starter)))
    let affiliateAuth = AffiliateAuthMiddleware(access: services.affiliateAccess, limiter: RateLimiter(limit: configuration.publicReadRateLimit, window: 60, clock: clock))
    AffiliateInsightsController<AffiliateAccessContext>(insights: services.insights)
        .addRoutes(to: router.group("api/me/insights").add(middleware: affiliateAuth).group(context: AffiliateAccessContext.self))

    // Stripe posts every tenant's events from the same addresses, so its webhook has no per-address budget: the
    // signature is what keeps others out.
    StripeIntegrationController(integrations: services.stripe).addRoutes(to: api.group("v1/integrations/stripe").add(middleware: PlanGateMiddleware(.starter)))
    StripeWebhookController(tenants: services.tenants, integrations: services.stripe, sink: services.billing, clock: clock)
        .addRoutes(to: router.group("api/integrations/stripe"))
    return router
}
