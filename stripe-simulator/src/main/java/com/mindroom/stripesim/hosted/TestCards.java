package com.mindroom.stripesim.hosted;

import java.util.List;

import com.mindroom.stripesim.billing.Cards;

/**
 * The test cards the hosted pages explain.
 */
final class TestCards {

	static final List<TestCard> ALL = List.of(new TestCard("4242 4242 4242 4242", Cards.GOOD, "always pays"),
			new TestCard("4000 0000 0000 0341", Cards.FAILS_LATER, "pays now, every later charge fails"),
			new TestCard("4000 0000 0000 0002", Cards.DECLINED, "declined"));

	private TestCards() {
	}

	/**
	 * A test card.
	 *
	 * @param display the number as printed
	 * @param number the digits
	 * @param effect what it does
	 */
	record TestCard(String display, String number, String effect) {

	}

}
