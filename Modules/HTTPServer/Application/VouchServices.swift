import Affiliates
import Billing
import Contracts
import Insights
import Kernel
import Programs
import StripeBilling
import Tracking

/// Every context service of one server, built over one database. The composition root's single list of concrete
/// types.
struct VouchServices: Sendable {
    let database: Database
    let tenants: TenantRegistry
    let credentials: CredentialStore
    let programs: ProgramService
    let affiliates: AffiliateService
    let invites: InviteService
    let affiliateAccess: AffiliateAccessService
    let taxForms: TaxFormService
    let notifier: any Notifier
    let attributionParams: AttributionParamsService
    let pixelKeys: PixelKeyService
    let installSnippets: InstallSnippetService
    let passthroughReferrers: PassthroughReferrerService
    let clicks: ClickService
    let conversions: ConversionLedger
    let billing: BillingIngestion
    let conversionImporter: ConversionImporter
    let stripe: StripeIntegrationService
    let signatures: RequestSignatureVerifier
    let billingState: BillingStateService
    let homeCurrency: HomeCurrencyService
    let insights: InsightsService

    init(
        database: Database, clock: any WallClock, blobs: any BlobStore, notifier: any Notifier, publicURL: String,
        rates: any ExchangeRateSource = ExchangeRates.none, insightsProjections: Bool = true
    ) {
        let ids = IDGenerator(clock: clock)
        self.database = database
        tenants = TenantRegistry(database: database, clock: clock, ids: ids)
        credentials = CredentialStore(database: database, clock: clock, ids: ids, tenants: tenants)
        programs = ProgramService(database: database, clock: clock, ids: ids)
        affiliates = AffiliateService(database: database, clock: clock, ids: ids, programs: programs)
        affiliateAccess = AffiliateAccessService(affiliates: affiliates)
        invites = InviteService(affiliates: affiliates, tenants: tenants, notifier: notifier, publicURL: publicURL)
        taxForms = TaxFormService(affiliates: affiliates, blobs: blobs, publicURL: publicURL)
        self.notifier = notifier
        attributionParams = AttributionParamsService(database: database, clock: clock)
        pixelKeys = PixelKeyService(database: database, clock: clock)
        installSnippets = InstallSnippetService(programs: programs, params: attributionParams, pixelKeys: pixelKeys, publicURL: publicURL)
        passthroughReferrers = PassthroughReferrerService(database: database, clock: clock)
        clicks = ClickService(
            database: database, clock: clock, ids: ids, programs: programs, affiliates: affiliates, tenants: tenants, params: attributionParams,
            passthrough: passthroughReferrers)
        conversions = ConversionLedger(database: database, clock: clock, ids: ids, programs: programs, affiliates: affiliates, tenants: tenants)
        billing = BillingIngestion(
            database: database, clock: clock, ids: ids, programs: programs, affiliates: affiliates, tenants: tenants, clicks: clicks, ledger: conversions)
        stripe = StripeIntegrationService(database: database, tenants: tenants, clock: clock, publicURL: publicURL)
        conversionImporter = ConversionImporter(database: database, clock: clock, ids: ids, programs: programs, affiliates: affiliates)
        signatures = RequestSignatureVerifier(secrets: credentials, clock: clock)
        billingState = BillingStateService(
            meters: [
                .campaigns: ProgramUsageMeter(database: database), .affiliates: AffiliateUsageMeter(database: database),
                .teamSeats: APIKeySeatMeter(credentials: credentials),
            ],
            stripeConnectLinked: { _ in false })
        homeCurrency = HomeCurrencyService(database: database, clock: clock, tenants: tenants)
        // The rollups are kept in the transaction of every tracked event, and clicks folded from their records, so
        // they are never behind. Without the projections (a benchmark's baseline) neither happens.
        if insightsProjections { database.bus.addProjector(InsightsProjector()) }
        insights = InsightsService(
            database: database, clock: clock, tenants: tenants, affiliates: affiliates, clicks: insightsProjections ? clicks.log : NoClickLog(),
            rates: rates)
    }
}
