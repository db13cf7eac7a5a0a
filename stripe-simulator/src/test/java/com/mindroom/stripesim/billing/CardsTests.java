package com.mindroom.stripesim.billing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stripe's test cards and what each does when charged.
 */
class CardsTests {

	@Test
	void testCardsBehaveAsStripesDo() {
		Cards.Card good = Cards.parse("4242 4242 4242 4242", "12 / 34");
		assertThat(good.brand()).isEqualTo("visa");
		assertThat(good.last4()).isEqualTo("4242");
		assertThat(good.expYear()).isEqualTo(2034);
		assertThat(good.behavior().charges(false)).isTrue();
		Cards.Card later = Cards.parse("4000-0000-0000-0341", null);
		assertThat(later.behavior().charges(true)).isTrue();
		assertThat(later.behavior().charges(false)).isFalse();
		assertThat(Cards.parse("4000000000000002", "").behavior().charges(true)).isFalse();
	}

	@Test
	void refusesNumbersAndDatesThatAreNotACard() {
		assertThatExceptionOfType(CardException.class).isThrownBy(() -> Cards.parse("4242 4242 4242 4241", null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("incorrect_number"));
		assertThatExceptionOfType(CardException.class).isThrownBy(() -> Cards.parse("1234", null));
		assertThatExceptionOfType(CardException.class).isThrownBy(() -> Cards.parse(Cards.GOOD, "13 / 30"));
		assertThatExceptionOfType(CardException.class).isThrownBy(() -> Cards.parse(Cards.GOOD, "01 / 20"));
	}

}
