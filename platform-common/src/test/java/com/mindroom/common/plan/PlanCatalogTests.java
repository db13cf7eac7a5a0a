package com.mindroom.common.plan;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.mindroom.common.test.TestPlans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The plan catalog as shipped in {@code mindroom-common.yml} (DESIGN.md section 3) and
 * its price lookups.
 */
class PlanCatalogTests {

	private final PlanCatalog catalog = TestPlans.catalog();

	@Test
	void shipsTheFourPlansInDisplayOrderWithTheirLimits() {
		assertThat(this.catalog.all()).extracting(Plan::id)
			.containsExactly("free", "starter", "professional", "enterprise");
		assertThat(this.catalog.require("free").limits()).isEqualTo(new Limits(1, 100, 1));
		assertThat(this.catalog.require("starter").limits()).isEqualTo(new Limits(3, 1000, 5));
		assertThat(this.catalog.require("professional").limits()).isEqualTo(new Limits(10, 10000, 50));
		Limits enterprise = this.catalog.require("enterprise").limits();
		assertThat(enterprise.unlimitedAgents() && enterprise.unlimitedMessages() && enterprise.unlimitedStorage())
			.isTrue();
	}

	@Test
	void pricesAndSelfServeFollowTheProductBrief() {
		assertThat(this.catalog.require("starter").price(BillingInterval.MONTH)).get()
			.extracting(PlanPrice::amount)
			.isEqualTo(2900L);
		assertThat(this.catalog.require("professional").price(BillingInterval.MONTH)).get()
			.extracting(PlanPrice::amount)
			.isEqualTo(9900L);
		assertThat(this.catalog.require("free").free()).isTrue();
		assertThat(this.catalog.require("starter").free()).isFalse();
		assertThat(this.catalog.require("enterprise").selfServe()).isFalse();
		assertThat(this.catalog.require("professional").resources().volumeSize()).isEqualTo("50Gi");
	}

	@Test
	void mapsStripePricesBackToPlansAndNeverGuesses() {
		assertThat(this.catalog.findByStripePrice("price_professional_yearly")).get().satisfies((priced) -> {
			assertThat(priced.plan().id()).isEqualTo("professional");
			assertThat(priced.price().interval()).isEqualTo(BillingInterval.YEAR);
			assertThat(priced.price().monthlyAmount()).isEqualTo(8250L);
		});
		assertThat(this.catalog.findByStripePrice("price_unknown")).isEmpty();
		assertThat(this.catalog.findByStripePrice(null)).isEmpty();
	}

	@Test
	void unknownPlanIsAClearError() {
		assertThat(this.catalog.find("platinum")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> this.catalog.require("platinum"))
			.withMessage("Unknown plan 'platinum'");
	}

	@Test
	void refusesOnePriceSellingTwoPlans() {
		PlanPrice shared = new PlanPrice(BillingInterval.MONTH, 100, "usd", "price_shared");
		Plan a = new Plan("a", "A", "", true, new Limits(1, 1, 1), null, Map.of(BillingInterval.MONTH, shared));
		Plan b = new Plan("b", "B", "", true, new Limits(1, 1, 1), null, Map.of(BillingInterval.MONTH, shared));
		assertThatIllegalArgumentException().isThrownBy(() -> new PlanCatalog(List.of(a, b)))
			.withMessageContaining("price_shared");
	}

	@Test
	void parsesIntervalsAsCustomersWriteThem() {
		assertThat(BillingInterval.parse("Monthly")).isEqualTo(BillingInterval.MONTH);
		assertThat(BillingInterval.parse("year")).isEqualTo(BillingInterval.YEAR);
		assertThatIllegalArgumentException().isThrownBy(() -> BillingInterval.parse("weekly"));
	}

}
