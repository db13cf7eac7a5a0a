package com.mindroom.admin.web;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the rows on this page
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many rows match in all
 * @param <T> the row type
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
